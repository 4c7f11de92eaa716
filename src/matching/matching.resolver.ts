import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { RankingAuditRecorder } from '../audit/ranking-audit.recorder';
import { UnmaskRepository } from '../audit/unmask.repository';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { maskedName } from '../domain/fairness/mask';
import { matchSummary } from '../domain/matching/match-reasons';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { CandidateMatchConnection } from './candidate-match-connection.object';
import { CandidateMatchObject } from './candidate-match.object';
import { MatchCandidateArgs } from './match-candidate.args';
import { MatchingService } from './matching.service';
import { RankCandidatesArgs } from './rank-candidates.args';
import { RequirementMatchObject } from './requirement-match.object';

export async function loadCandidate(ctx: GraphqlContext, id: string): Promise<CandidateObject> {
  const candidate = await ctx.loaders.get(CANDIDATE_BY_ID).load(id);
  if (!candidate) throw AppException.notFound('Candidate', id);
  return candidate;
}

@Resolver(() => CandidateMatchObject)
export class MatchingResolver {
  constructor(
    private readonly service: MatchingService,
    private readonly audit: RankingAuditRecorder,
    private readonly unmasks: UnmaskRepository,
  ) {}

  @Query(() => CandidateMatchConnection, {
    description: 'Discoverable candidates ranked for a job: meetsMandatory first, then score descending, then candidate id. Every call is audited (rankingAudit).',
  })
  async rankCandidates(@Args() args: RankCandidatesArgs, @Context() ctx: GraphqlContext): Promise<CandidateMatchConnection> {
    const page = await this.service.rank(args);
    const nodes = page.edges.map((e) => e.node);
    await this.audit.record(ctx.principal, {
      operation: 'rankCandidates',
      jobId: args.jobId,
      arguments: { first: args.first, after: args.after ?? null, minScore: args.minScore ?? null, masked: args.masked, asOf: args.asOf?.toISOString() ?? null },
      asOf: page.asOf,
      config: this.service.engineConfig(),
      requirements: page.requirements,
      results: nodes,
      totalCount: page.totalCount,
    });
    if (args.masked) {
      const unmasked = await this.unmasks.unmasked(ctx.principal.sub, args.jobId, nodes.map((n) => n.candidateId));
      for (const node of nodes) if (!unmasked.has(node.candidateId)) node.maskedName = maskedName(node.candidateId);
    }
    return page;
  }

  @Query(() => CandidateMatchObject, { description: 'One candidate against a job, explained per requirement. Every call is audited (rankingAudit).' })
  async matchCandidate(@Args() args: MatchCandidateArgs, @Context() ctx: GraphqlContext): Promise<CandidateMatchObject> {
    const match = await this.service.match(args);
    await this.audit.record(ctx.principal, {
      operation: 'matchCandidate',
      jobId: args.jobId,
      arguments: { candidateId: match.candidateId, asOf: args.asOf?.toISOString() ?? null },
      asOf: match.asOf,
      config: this.service.engineConfig(),
      requirements: match.requirements.map(({ requirement: r }) => ({ id: r.id, skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory })),
      results: [match],
      totalCount: null,
    });
    return match;
  }

  @ResolveField(() => [RequirementMatchObject], { description: "one per job requirement, in the job's order" })
  requirements(@Parent() match: CandidateMatchObject): RequirementMatchObject[] | Promise<RequirementMatchObject[]> {
    if (match.requirements) return match.requirements;
    if (match.explain) return match.explain();
    throw new Error(`CandidateMatch for ${match.candidateId} has no explanation`);
  }

  @ResolveField(() => String, {
    description: 'one or two plain sentences: mandatory requirements met, exact evidence for k of n requirements, the largest gap',
  })
  async summary(@Parent() match: CandidateMatchObject, @Context() ctx: GraphqlContext): Promise<string> {
    const requirements = await this.requirements(match);
    const skills = await ctx.loaders.get(SKILL_BY_ID).loadMany(requirements.map((r) => r.requirement.skillId));
    return matchSummary(
      requirements.map((r, i) => {
        const skill = skills[i];
        return {
          skill: skill && !(skill instanceof Error) ? skill.name : r.requirement.skillId,
          mandatory: r.requirement.mandatory,
          weight: r.requirement.weight,
          coverage: r.coverage,
          via: r.via,
          gap: r.gap(),
        };
      }),
      this.service.mandatoryThreshold,
    );
  }

  @ResolveField(() => CandidateObject)
  async candidate(@Parent() match: CandidateMatchObject, @Context() ctx: GraphqlContext): Promise<CandidateObject> {
    const candidate = await loadCandidate(ctx, match.candidateId);
    return match.maskedName ? { ...candidate, name: match.maskedName, email: null } : candidate;
  }
}
