import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CANDIDATE_BY_ID } from '../candidates/candidate.loaders';
import { CandidateObject } from '../candidates/candidate.object';
import { EvidenceSource } from '../candidates/evidence-source.enum';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { CREDENTIAL_BY_ID } from '../credentials/credential.loaders';
import { CredentialObject } from '../credentials/credential.object';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { CandidateMatchConnection } from './candidate-match-connection.object';
import { CandidateMatchObject, RequirementMatchObject } from './candidate-match.object';
import { MatchCandidateArgs } from './match-candidate.args';
import { MatchingService } from './matching.service';
import { RankCandidatesArgs } from './rank-candidates.args';
import { SkillGapObject } from './skill-gap.object';
import { SkillStrengthObject } from './skill-strength.object';

async function loadCandidate(ctx: GraphqlContext, id: string): Promise<CandidateObject> {
  const candidate = await ctx.loaders.get(CANDIDATE_BY_ID).load(id);
  if (!candidate) throw AppException.notFound('Candidate', id);
  return candidate;
}

@Resolver(() => CandidateMatchObject)
export class MatchingResolver {
  constructor(private readonly service: MatchingService) {}

  @Query(() => CandidateMatchConnection, { description: 'Discoverable candidates ranked for a job: meetsMandatory first, then score descending, then candidate id' })
  rankCandidates(@Args() args: RankCandidatesArgs): Promise<CandidateMatchConnection> {
    return this.service.rank(args);
  }

  @Query(() => CandidateMatchObject)
  matchCandidate(@Args() args: MatchCandidateArgs): Promise<CandidateMatchObject> {
    return this.service.match(args);
  }

  @ResolveField(() => CandidateObject)
  candidate(@Parent() match: CandidateMatchObject, @Context() ctx: GraphqlContext): Promise<CandidateObject> {
    return loadCandidate(ctx, match.candidateId);
  }
}

@Resolver(() => RequirementMatchObject)
export class RequirementMatchResolver {
  @ResolveField(() => SkillObject, { nullable: true, description: 'the evidenced skill that gave the coverage' })
  async matchedSkill(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<SkillObject | null> {
    return m.matchedSkillId ? ctx.loaders.get(SKILL_BY_ID).load(m.matchedSkillId) : null;
  }

  @ResolveField(() => CredentialObject, { nullable: true, description: 'the credential behind that evidence, if any' })
  async credential(@Parent() m: RequirementMatchObject, @Context() ctx: GraphqlContext): Promise<CredentialObject | null> {
    return m.credentialId ? ctx.loaders.get(CREDENTIAL_BY_ID).load(m.credentialId) : null;
  }
}

@Resolver(() => SkillGapObject)
export class SkillGapResolver {
  constructor(private readonly service: MatchingService) {}

  @Query(() => SkillGapObject)
  skillGap(@Args() args: MatchCandidateArgs): Promise<SkillGapObject> {
    return this.service.gap(args);
  }

  @ResolveField(() => CandidateObject)
  candidate(@Parent() gap: SkillGapObject, @Context() ctx: GraphqlContext): Promise<CandidateObject> {
    return loadCandidate(ctx, gap.candidateId);
  }
}

@Resolver(() => CandidateObject)
export class CandidateProfileResolver {
  constructor(private readonly service: MatchingService) {}

  @ResolveField(() => [SkillStrengthObject], { description: 'One entry per skill: its strongest evidence at asOf (default: now)' })
  async skillProfile(
    @Parent() candidate: CandidateObject,
    @Args('asOf', { type: () => Date, nullable: true }) asOf: Date | null,
  ): Promise<SkillStrengthObject[]> {
    return (await this.service.profile(candidate.id, asOf)).map((s) => ({
      skillId: s.skillId,
      level: s.level,
      strength: s.strength,
      lastEvidencedAt: s.lastEvidencedAt,
      source: s.source as EvidenceSource,
    }));
  }
}

@Resolver(() => SkillStrengthObject)
export class SkillStrengthResolver {
  @ResolveField(() => SkillObject)
  async skill(@Parent() s: SkillStrengthObject, @Context() ctx: GraphqlContext): Promise<SkillObject> {
    const skill = await ctx.loaders.get(SKILL_BY_ID).load(s.skillId);
    if (!skill) throw AppException.notFound('Skill', s.skillId);
    return skill;
  }
}
