import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../errors/app.exception';
import { ConnectionShape, toConnection } from './connection.factory';
import { decodeCursor, encodeCursor } from './cursor';
import { ListArgs } from './list.args';
import { paginateByName } from './paginate-by-name';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Like paginateByName, but with `search` the matches come by relevance: the name equal to the
 * search first, then names starting with it, then names with a word starting with it, then any
 * other substring match; shorter names first within each, then by name and id. Without `search`,
 * alphabetical. Keyset pagination over (rank, length, name, id).
 */
export async function paginateByRelevance<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  nameColumn: keyof T & string,
  args: ListArgs,
): Promise<ConnectionShape<T>> {
  const search = args.search?.trim();
  if (!search) return paginateByName(qb, nameColumn, args);
  const alias = qb.alias;
  const column = `${alias}.${nameColumn}`;
  const rank = `(CASE WHEN lower(${column}) = lower(:relExact) THEN 0 WHEN ${column} ILIKE :relPrefix THEN 1 WHEN ${column} ILIKE :relWord THEN 2 ELSE 3 END)`;
  const length = `char_length(${column})`;
  const term = escapeLike(search);
  qb.andWhere(`${column} ILIKE :relAny`, { relAny: `%${term}%` }).setParameters({ relExact: search, relPrefix: `${term}%`, relWord: `% ${term}%` });
  const totalCount = await qb.clone().getCount();
  if (args.after) {
    const [r, l, name, id] = decodeCursor(args.after, 'after', 4);
    if (typeof r !== 'number' || typeof l !== 'number' || typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
      throw AppException.badInput('after', 'after: malformed cursor');
    }
    qb.andWhere(`(${rank}, ${length}, ${column}, ${alias}.id) > (:relR, :relL, :relName, :relId)`, { relR: r, relL: l, relName: name, relId: id });
  }
  const { entities, raw } = await qb
    .addSelect(rank, 'rel_rank')
    .addSelect(length, 'rel_len')
    .orderBy('rel_rank', 'ASC')
    .addOrderBy('rel_len', 'ASC')
    .addOrderBy(column, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(args.first + 1)
    .getRawAndEntities();
  const keys = new Map<string, [number, number]>();
  for (const row of raw as Record<string, unknown>[]) keys.set(String(row[`${alias}_id`]), [Number(row.rel_rank), Number(row.rel_len)]);
  return toConnection(entities, args.first, totalCount, (row) => encodeCursor([...(keys.get(row.id) ?? [3, 0]), row[nameColumn] as string, row.id]));
}
