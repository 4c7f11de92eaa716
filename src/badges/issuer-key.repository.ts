import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape } from '../common/pagination/connection.factory';
import { paginateByName } from '../common/pagination/paginate-by-name';
import { IssuerKeyEntity } from './issuer-key.entity';

/** All SQL of the issuer key trust store. */
@Injectable()
export class IssuerKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByKeyId(keyId: string, manager?: EntityManager): Promise<IssuerKeyEntity | null> {
    return this.manager(manager).findOne(IssuerKeyEntity, { where: { keyId } });
  }

  /** The row of a key id, locked until the transaction ends. */
  findByKeyIdForUpdate(keyId: string, manager: EntityManager): Promise<IssuerKeyEntity | null> {
    return manager.createQueryBuilder(IssuerKeyEntity, 'k').setLock('pessimistic_write').where('k.key_id = :keyId', { keyId }).getOne();
  }

  /** The new row, or null when the key id is already registered. */
  async insertIfAbsent(row: { keyId: string; issuerId: string; publicKey: JWK; createdBy: string }, manager: EntityManager): Promise<IssuerKeyEntity | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO issuer_key (key_id, issuer_id, public_key, created_by)
       VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (key_id) DO NOTHING
       RETURNING id`,
      [row.keyId, row.issuerId, JSON.stringify(row.publicKey), row.createdBy],
    );
    if (inserted.length === 0) return null;
    return manager.findOneOrFail(IssuerKeyEntity, { where: { id: inserted[0].id } });
  }

  async replace(id: string, row: { issuerId: string; publicKey: JWK; replacedBy: string }, manager: EntityManager): Promise<IssuerKeyEntity> {
    await manager.query(`UPDATE issuer_key SET issuer_id = $2, public_key = $3::jsonb, replaced_at = now(), replaced_by = $4 WHERE id = $1`, [
      id,
      row.issuerId,
      JSON.stringify(row.publicKey),
      row.replacedBy,
    ]);
    return manager.findOneOrFail(IssuerKeyEntity, { where: { id } });
  }

  /** true when there was a key under this key id. */
  async deleteByKeyId(keyId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(IssuerKeyEntity, { keyId });
    return (result.affected ?? 0) > 0;
  }

  /** Keys ordered by key id, optionally of one issuer. */
  list(args: { issuerId?: string | null; first: number; after?: string | null }): Promise<ConnectionShape<IssuerKeyEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(IssuerKeyEntity, 'k');
    if (args.issuerId) qb.where('k.issuer_id = :issuerId', { issuerId: args.issuerId });
    return paginateByName(qb, 'keyId', { search: null, first: args.first, after: args.after });
  }
}
