import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdvisorAssignmentObject } from './advisor-assignment.object';

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

/** advisor_assignment: which advisors work with which learners. */
@Injectable()
export class AdvisorAssignmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Assigns (idempotent: an existing assignment is kept as it was); null when there is no such candidate. */
  async assign(manager: EntityManager, candidateId: string, advisorSub: string, assignedBy: string): Promise<AdvisorAssignmentObject | null> {
    const found: unknown[] = await manager.query('SELECT 1 FROM candidate WHERE id = $1', [candidateId]);
    if (found.length === 0) return null;
    await manager.query(
      `INSERT INTO advisor_assignment (candidate_id, advisor_sub, assigned_by) VALUES ($1, $2, $3) ON CONFLICT (candidate_id, advisor_sub) DO NOTHING`,
      [candidateId, advisorSub, assignedBy],
    );
    const [row]: AssignmentRow[] = await manager.query(`SELECT * FROM advisor_assignment WHERE candidate_id = $1 AND advisor_sub = $2`, [candidateId, advisorSub]);
    return toObject(row);
  }

  /** true when an assignment was removed. */
  async unassign(candidateId: string, advisorSub: string): Promise<boolean> {
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
}
