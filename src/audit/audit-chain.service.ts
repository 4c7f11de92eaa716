import { Injectable } from '@nestjs/common';
import { AuditChainBreakObject } from './audit-chain-break.object';
import { AuditChainCheckObject } from './audit-chain-check.object';
import { AuditChainVerificationObject } from './audit-chain-verification.object';
import { AuditTable, ChainRow, RankingAuditRepository } from './ranking-audit.repository';

const TABLES: AuditTable[] = ['ranking_audit', 'candidate_unmask'];

/** Where a chain read in order stops holding at `row`, given the row before (null for the first); null when it holds. */
export function chainBreak(row: ChainRow, before: Pick<ChainRow, 'chainPos' | 'rowHash'> | null): string | null {
  const expected = (before?.chainPos ?? 0) + 1;
  if (row.chainPos !== expected) return `chain positions ${expected} to ${row.chainPos - 1} are missing: records were removed`;
  if (row.prevHash !== (before?.rowHash ?? '')) return 'does not follow the record before: that one was rewritten or removed';
  if (row.rowHash !== row.recomputed) return 'content does not match its hash: the record was rewritten';
  return null;
}

/**
 * Verifies the audit tables' hash chains (migrations/1796688000001-audit-chain.ts): each record's
 * hash recomputed from its content by the database, each record linked to the one before, the
 * positions without holes. Reads in pages, so memory stays flat however long the chain.
 */
@Injectable()
export class AuditChainService {
  static readonly PAGE = 5000;

  constructor(private readonly audits: RankingAuditRepository) {}

  async verify(): Promise<AuditChainVerificationObject> {
    const tables: AuditChainCheckObject[] = [];
    for (const table of TABLES) tables.push(await this.verifyTable(table));
    return { intact: tables.every((t) => t.intact), tables };
  }

  private async verifyTable(table: AuditTable): Promise<AuditChainCheckObject> {
    let before: ChainRow | null = null;
    let records = 0;
    for (;;) {
      const page = await this.audits.chainRows(table, before?.chainPos ?? 0, AuditChainService.PAGE);
      for (const row of page) {
        records++;
        const reason = chainBreak(row, before);
        if (reason) {
          const firstBroken: AuditChainBreakObject = { id: row.id, position: row.chainPos, reason };
          return { table, records, intact: false, firstBroken, headHash: null };
        }
        before = row;
      }
      if (page.length < AuditChainService.PAGE) break;
    }
    return { table, records, intact: true, firstBroken: null, headHash: before?.rowHash ?? null };
  }
}
