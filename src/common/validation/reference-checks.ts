import { AppException } from '../errors/app.exception';

/** Refuses a list that names the same id twice, pointing at the second occurrence. */
export function assertDistinct(ids: readonly string[], field: string, what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw AppException.badInput(`${field}[${i}]`, `${field}[${i}]: ${what} ${id} is listed twice`);
    seen.add(id);
  });
}

/** NOT_FOUND for the first id that is not in `existing`, with its path. */
export function assertAllExist(ids: readonly string[], existing: ReadonlySet<string>, entity: string, field: string): void {
  ids.forEach((id, i) => {
    if (!existing.has(id)) throw AppException.notFound(entity, id, `${field}[${i}]`);
  });
}
