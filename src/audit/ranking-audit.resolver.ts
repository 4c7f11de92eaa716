import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { Role } from '../auth/role.enum';
import { CandidateHandles } from './candidate-handles.service';
import { RankingAuditRepository } from './ranking-audit.repository';
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
    private readonly audits: RankingAuditRepository,
    private readonly handles: CandidateHandles,
  ) {}

  @Query(() => RankingAuditConnection, { description: 'The append-only record of rankCandidates and matchCandidate calls, newest first; all jobs when jobId is omitted' })
  rankingAudit(@Args() args: RankingAuditArgs): Promise<RankingAuditConnection> {
    return this.replays.list(args.jobId, args.first, args.after);
  }

  @Query(() => RankingReplayObject, { description: 'Recomputes an audited ranking with its stored asOf and configuration and says whether it still matches, and whose data changed since' })
  replayRanking(@Args('auditId', { type: () => ID }) auditId: string): Promise<RankingReplayObject> {
    return this.replays.replay(auditId);
  }

  @Mutation(() => CandidateObject, {
    description:
      "Reveals the candidate behind a handle of your masked ranking (candidate.id there), and their name in your later masked rankings for that job; recorded in an append-only audit. A handle of someone else's ranking, or of a candidate no longer discoverable, is NOT_FOUND (an ADMIN may open any ranking's handle)",
  })
  async unmaskCandidate(
    @Args('handle', { type: () => ID, description: "candidate.id in a masked ranking" }) handle: string,
    @Args('reason', { type: () => String, nullable: true, description: 'why, for the audit (at most 1000 characters)' }) reason: string | null,
    @Context() ctx: GraphqlContext,
  ): Promise<CandidateObject> {
    if (reason && reason.length > 1000) throw AppException.badInput('reason', 'reason must be at most 1000 characters');
    const notFound = () => AppException.notFound('Candidate', handle.slice(0, 100), 'handle');
    const opened = this.handles.openHandle(handle);
    if (!opened) throw notFound();
    const ranking = await this.audits.find(opened.rankingId);
    const isAdmin = ctx.principal.role === Role.ADMIN;
    if (!ranking || ranking.operation !== 'rankCandidates' || ranking.arguments.masked !== true || (!isAdmin && ranking.actorSub !== ctx.principal.sub)) throw notFound();
    const candidate = await ctx.loaders.get(CANDIDATE_BY_ID).load(opened.candidateId);
    if (!candidate || (!isAdmin && !candidate.discoverable)) throw notFound();
    await this.unmasks.record({ actorSub: ctx.principal.sub, actorRole: ctx.principal.role, jobId: ranking.jobId, candidateId: candidate.id, reason: reason ?? null });
    return candidate;
  }
}
