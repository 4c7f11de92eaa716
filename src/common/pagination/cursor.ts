import { AppException } from '../errors/app.exception';

/** Opaque cursors: base64url of a JSON array of the sort key values. */
export function encodeCursor(values: readonly (string | number | boolean | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after', arity?: number): (string | number | boolean | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw AppException.badInput(field, `${field}: malformed cursor`);
  }
  if (!Array.isArray(parsed) || (arity !== undefined && parsed.length !== arity)) {
    throw AppException.badInput(field, `${field}: malformed cursor`);
  }
  for (const value of parsed) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw AppException.badInput(field, `${field}: malformed cursor`);
    }
  }
  return parsed as (string | number | boolean | null)[];
}

/** Cursor over (name, id) for alphabetical lists. */
export function decodeNameCursor(cursor: string, field = 'after'): { name: string; id: string } {
  const [name, id] = decodeCursor(cursor, field, 2);
  if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw AppException.badInput(field, `${field}: malformed cursor`);
  }
  return { name, id };
}
