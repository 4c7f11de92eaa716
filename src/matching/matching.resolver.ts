import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { RankingAuditRecorder } from '../audit/ranking-audit.recorder';
import { UnmaskRepository } from '../audit/unmask.repository';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { matchSummary } from '../domain/matching/match-reasons';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { CandidateHandles } from '../audit/candidate-handles.service';
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
    private readonly handles: CandidateHandles,
  ) {}

  @Query(() => CandidateMatchConnection, {
    description: 'Discoverable candidates ranked for a job: meetsMandatory first, then score descending, then candidate id. Every call is audited (rankingAudit).',
  })
  async rankCandidates(@Args() args: RankCandidatesArgs, @Context() ctx: GraphqlContext): Promise<CandidateMatchConnection> {
    // a masked ranking pages on with its own sealed cursors, which carry the position reached
    let after = args.after ?? null;
    let position = 0;
    if (args.masked && after) {
      const opened = this.handles.openCursor(after, ctx.principal.sub, args.jobId);
      if (!opened) throw AppException.badInput('after', 'after: malformed cursor (a masked ranking continues from the endCursor of a masked page)');
      ({ cursor: after, position } = opened);
    }
    const page = await this.service.rank(Object.assign(new RankCandidatesArgs(), args, { after }));
    const nodes = page.edges.map((e) => e.node);
    const rankingId = await this.audit.record(ctx.principal, {
      operation: 'rankCandidates',
      jobId: args.jobId,
      arguments: { first: args.first, after, minScore: args.minScore ?? null, masked: args.masked, asOf: args.asOf?.toISOString() ?? null },
      asOf: page.asOf,
      config: this.service.engineConfig(),
      requirements: page.requirements,
      results: nodes,
      totalCount: page.totalCount,
    });
    if (args.masked) {
      // blind review: each candidate under a handle valid for this ranking only, "Candidate <position>";
      // those this caller has unmasked for this job (audited) are shown as they are
      const unmasked = await this.unmasks.unmasked(ctx.principal.sub, args.jobId, nodes.map((n) => n.candidateId));
      page.edges.forEach((edge, i) => {
        const node = edge.node;
        if (!unmasked.has(node.candidateId)) node.masked = { handle: this.handles.handle(rankingId, node.candidateId), name: `Candidate ${position + i + 1}`, rankingId };
        edge.cursor = this.handles.sealCursor(edge.cursor, position + i + 1, ctx.principal.sub, args.jobId);
      });
      page.pageInfo = { ...page.pageInfo, endCursor: page.edges.length ? page.edges[page.edges.length - 1].cursor : null };
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
  async requirements(@Parent() match: CandidateMatchObject): Promise<RequirementMatchObject[]> {
    let list: RequirementMatchObject[];
    if (match.requirements) list = match.requirements;
    else if (match.explain) list = await match.explain();
    else throw new Error(`CandidateMatch for ${match.candidateId} has no explanation`);
    const masked = match.masked;
    if (!masked) return list;
    const mask = (id: string) => this.handles.opaqueId(masked.rankingId, id);
    return list.map((r) => Object.assign(Object.create(Object.getPrototypeOf(r) as object) as RequirementMatchObject, r, { credentialMask: mask }));
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
    const masked = match.masked;
    if (!masked) return candidate;
    return {
      id: masked.handle,
      name: masked.name,
      email: null,
      discoverable: candidate.discoverable,
      masking: { realId: candidate.id, opaqueId: (id) => this.handles.opaqueId(masked.rankingId, id) },
    };
  }
}
