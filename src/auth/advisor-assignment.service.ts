import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { TransactionService } from '../database/transaction.service';
import { AdvisorAssignmentObject } from './advisor-assignment.object';
import { AdvisorAssignmentRepository } from './advisor-assignment.repository';
import { Principal } from './principal';

/** Which advisors work with which learners (read by authorization for ADVISOR). */
@Injectable()
export class AdvisorAssignmentService {
  constructor(
    private readonly assignments: AdvisorAssignmentRepository,
    private readonly transactions: TransactionService,
  ) {}

  /** Idempotent: assigning an advisor twice returns the first assignment. */
  assign(candidateId: string, advisorSub: string, by: Principal): Promise<AdvisorAssignmentObject> {
    const sub = this.checkSub(advisorSub);
    return this.transactions.run(async ({ manager }) => {
      const assignment = isUuid(candidateId) ? await this.assignments.assign(manager, candidateId, sub, by.sub) : null;
      if (!assignment) throw AppException.notFound('Candidate', candidateId, 'candidateId');
      return assignment;
    });
  }

  /** true when an assignment was removed. */
  async unassign(candidateId: string, advisorSub: string): Promise<boolean> {
    if (!isUuid(candidateId)) throw AppException.notFound('Candidate', candidateId, 'candidateId');
    return this.assignments.unassign(candidateId, advisorSub);
  }

  ofCandidates(candidateIds: readonly string[]): Promise<AdvisorAssignmentObject[]> {
    return this.assignments.ofCandidates(candidateIds);
  }

  private checkSub(advisorSub: string): string {
    const sub = advisorSub.trim();
    if (sub.length === 0 || sub.length > 200) throw AppException.badInput('advisorSub', 'advisorSub must be 1 to 200 characters and not blank');
    return sub;
  }
}
