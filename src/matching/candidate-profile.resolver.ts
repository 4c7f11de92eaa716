import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CandidateObject, realCandidateId } from '../candidates/candidate.object';
import { EvidenceSource } from '../candidates/evidence-source.enum';
import { MatchingService } from './matching.service';
import { SkillStrengthObject } from './skill-strength.object';

@Resolver(() => CandidateObject)
export class CandidateProfileResolver {
  constructor(private readonly service: MatchingService) {}

  @ResolveField(() => [SkillStrengthObject], { description: 'One entry per skill: its strongest evidence at asOf (default: the start of the current UTC day)' })
  async skillProfile(
    @Parent() candidate: CandidateObject,
    @Args('asOf', { type: () => Date, nullable: true }) asOf: Date | null,
  ): Promise<SkillStrengthObject[]> {
    return (await this.service.profile(realCandidateId(candidate), asOf)).map((s) => ({
      skillId: s.skillId,
      level: s.level,
      strength: s.strength,
      lastEvidencedAt: s.lastEvidencedAt,
      source: s.source as EvidenceSource,
    }));
  }
}
