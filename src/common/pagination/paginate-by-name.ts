import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ConnectionShape, toConnection } from './connection.factory';
import { decodeNameCursor, encodeCursor } from './cursor';
import { ListArgs } from './list.args';

/** Keyset pagination over (name column, id), filtered by a case-insensitive substring. */
export async function paginateByName<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  nameColumn: keyof T & string,
  args: ListArgs,
): Promise<ConnectionShape<T>> {
  const alias = qb.alias;
  const column = `${alias}.${nameColumn}`;
  if (args.search) {
    qb.andWhere(`${column} ILIKE :search`, { search: `%${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  }
  const totalCount = await qb.clone().getCount();
  if (args.after) {
    const { name, id } = decodeNameCursor(args.after);
    qb.andWhere(`(${column}, ${alias}.id) > (:afterName, :afterId)`, { afterName: name, afterId: id });
  }
  const rows = await qb.orderBy(column, 'ASC').addOrderBy(`${alias}.id`, 'ASC').take(args.first + 1).getMany();
  return toConnection(rows, args.first, totalCount, (row) => encodeCursor([row[nameColumn] as string, row.id]));
}
