import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { AppException } from '../common/errors/app.exception';
import { ErrorCode } from '../common/errors/error-code.enum';
import { GraphqlContext } from '../common/graphql-context';

const COUNTED = Symbol('rate-limit-decision');

/**
 * Rate limits per token: GraphQL requests are counted once per HTTP request (not per root field),
 * keyed by the token's sub across all operations; refusals are TOO_MANY_REQUESTS with the limit.
 * Unauthenticated requests never get here (refused while the context is built).
 */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const { req } = this.getRequestResponse(context);
    const decided = req[COUNTED] as Promise<boolean> | undefined;
    if (decided) return decided;
    const decision = super.canActivate(context);
    req[COUNTED] = decision;
    return decision;
  }

  protected override getRequestResponse(context: ExecutionContext): { req: Record<string | symbol, any>; res: Record<string, any> } {
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    return { req: ctx.req as unknown as Record<string | symbol, any>, res: ctx.req.res as unknown as Record<string, any> };
  }

  protected override async getTracker(_req: Record<string, any>, context?: ExecutionContext): Promise<string> {
    const principal = context ? GqlExecutionContext.create(context).getContext<GraphqlContext>().principal : undefined;
    return principal ? `sub:${principal.sub}` : 'anonymous';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return createHash('sha256').update(`${name}:${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new AppException(
      ErrorCode.TOO_MANY_REQUESTS,
      `Rate limit exceeded: at most ${detail.limit} requests per ${Math.round(detail.ttl / 1000)} s for this token; retry in ${retryAfterSeconds} s`,
      undefined,
      { limit: detail.limit, retryAfterSeconds },
    );
  }
}
