import { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { canReadField } from './authorization';
import { FIELD_RULES } from './authorization-table';

/**
 * Field middleware for personal fields of a candidate (FIELD_RULES in the authorization table):
 * resolves to null for callers who may not read it, wherever the candidate was reached from.
 */
export function personalField(field: keyof typeof FIELD_RULES): FieldMiddleware {
  return async (ctx: MiddlewareContext<{ id: string }, GraphqlContext>, next: NextFn) => {
    if (!canReadField(field, ctx.context.principal, ctx.source.id)) return null;
    return next();
  };
}
