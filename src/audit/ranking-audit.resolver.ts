import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { isUuid } from '../common/loaders/group-by';
import { JobService } from '../jobs/job.service';
import { RankingAuditArgs } from './ranking-audit.args';
import { RankingAuditConnection } from './ranking-audit-connection.object';
import { RankingAuditObject } from './ranking-audit.object';
import { RankingReplayObject } from './ranking-replay.object';
import { RankingReplayService } from './ranking-replay.service';
import { UnmaskRepository } from './unmask.repository';

@Resolver(() => RankingAuditObject)
export class RankingAuditResolver {
  constructor(
    private readonly replays: RankingReplayService,
    private readonly unmasks: UnmaskRepository,
    private readonly jobs: JobService,
  ) {}

  @Query(() => RankingAuditConnection, { description: 'The append-only record of rankCandidates and matchCandidate calls, newest first; all jobs when jobId is omitted' })
  rankingAudit(@Args() args: RankingAuditArgs): Promise<RankingAuditConnection> {
    return this.replays.list(args.jobId, args.first, args.after);
  }

  @Query(() => RankingReplayObject, { description: 'Recomputes an audited ranking with its stored asOf and configuration and says whether it still matches, and whose data changed since' })
  replayRanking(@Args('auditId', { type: () => ID }) auditId: string): Promise<RankingReplayObject> {
    return this.replays.replay(auditId);
  }

  @Mutation(() => CandidateObject, { description: "Reveals a candidate's name in your masked rankings for this job; recorded in an append-only audit" })
  async unmaskCandidate(
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('candidateId', { type: () => ID }) candidateId: string,
    @Args('reason', { type: () => String, nullable: true, description: 'why, for the audit (at most 1000 characters)' }) reason: string | null,
    @Context() ctx: GraphqlContext,
  ): Promise<CandidateObject> {
    if (reason && reason.length > 1000) throw AppException.badInput('reason', 'reason must be at most 1000 characters');
    if (!isUuid(jobId) || !(await this.jobs.findById(jobId))) throw AppException.notFound('Job', jobId, 'jobId');
    const candidate = isUuid(candidateId) ? await ctx.loaders.get(CANDIDATE_BY_ID).load(candidateId) : null;
    if (!candidate) throw AppException.notFound('Candidate', candidateId, 'candidateId');
    await this.unmasks.record({ actorSub: ctx.principal.sub, actorRole: ctx.principal.role, jobId, candidateId: candidate.id, reason: reason ?? null });
    return candidate;
  }
}
