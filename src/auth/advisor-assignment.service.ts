import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { TransactionService } from '../database/transaction.service';
import { AdvisorAssignmentObject } from './advisor-assignment.object';
import { Principal } from './principal';

interface AssignmentRow {
  candidate_id: string;
  advisor_sub: string;
  assigned_by: string;
  assigned_at: Date;
}

const toObject = (r: AssignmentRow): AdvisorAssignmentObject => ({
  candidateId: r.candidate_id,
  advisorSub: r.advisor_sub,
  assignedBy: r.assigned_by,
  assignedAt: new Date(r.assigned_at),
});

/** advisor_assignment: which advisors work with which learners (read by authorization for ADVISOR). */
@Injectable()
export class AdvisorAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
  ) {}

  /** Idempotent: assigning an advisor twice returns the first assignment. */
  assign(candidateId: string, advisorSub: string, by: Principal): Promise<AdvisorAssignmentObject> {
    const sub = this.checkSub(advisorSub);
    return this.transactions.run(async ({ manager }) => {
      const found: unknown[] = isUuid(candidateId) ? await manager.query('SELECT 1 FROM candidate WHERE id = $1', [candidateId]) : [];
      if (found.length === 0) throw AppException.notFound('Candidate', candidateId, 'candidateId');
      await manager.query(
        `INSERT INTO advisor_assignment (candidate_id, advisor_sub, assigned_by) VALUES ($1, $2, $3) ON CONFLICT (candidate_id, advisor_sub) DO NOTHING`,
        [candidateId, sub, by.sub],
      );
      const [row]: AssignmentRow[] = await manager.query(`SELECT * FROM advisor_assignment WHERE candidate_id = $1 AND advisor_sub = $2`, [candidateId, sub]);
      return toObject(row);
    });
  }

  /** true when an assignment was removed. */
  async unassign(candidateId: string, advisorSub: string): Promise<boolean> {
    if (!isUuid(candidateId)) throw AppException.notFound('Candidate', candidateId, 'candidateId');
    const rows: unknown[] = await this.dataSource.query(`DELETE FROM advisor_assignment WHERE candidate_id = $1 AND advisor_sub = $2 RETURNING 1`, [candidateId, advisorSub]);
    return rows.length > 0;
  }

  async ofCandidates(candidateIds: readonly string[]): Promise<AdvisorAssignmentObject[]> {
    if (candidateIds.length === 0) return [];
    const rows: AssignmentRow[] = await this.dataSource.query(
      `SELECT * FROM advisor_assignment WHERE candidate_id = ANY($1::uuid[]) ORDER BY assigned_at, advisor_sub`,
      [candidateIds],
    );
    return rows.map(toObject);
  }

  private checkSub(advisorSub: string): string {
    const sub = advisorSub.trim();
    if (sub.length === 0 || sub.length > 200) throw AppException.badInput('advisorSub', 'advisorSub must be 1 to 200 characters and not blank');
    return sub;
  }
}
