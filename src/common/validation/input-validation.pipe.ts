import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { AppException } from '../errors/app.exception';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

function firstFailure(errors: ValidationError[], prefix: string): { path: string; message: string } | null {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { path, message: messages[0] };
    const nested = firstFailure(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/**
 * Validates GraphQL input objects and args classes with class-validator and turns the first
 * failure into BAD_USER_INPUT with the field's path (e.g. `input.requirements[0].level`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || PRIMITIVES.has(type) || value === null || value === undefined || typeof value !== 'object') return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false } });
    if (errors.length === 0) return instance;
    const failure = firstFailure(errors, typeof metadata.data === 'string' ? metadata.data : '') ?? { path: metadata.data ?? '', message: 'invalid input' };
    const message = failure.message.startsWith(failure.path) ? failure.message : `${failure.path}: ${failure.message}`;
    throw AppException.badInput(failure.path, message);
  }
}
