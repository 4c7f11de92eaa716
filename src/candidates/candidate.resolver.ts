import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { requireCandidateScope } from '../auth/candidate-scope';
import { GraphqlContext } from '../common/graphql-context';
import { ListArgs } from '../common/pagination/list.args';
import { AddSkillEvidenceInput } from './add-skill-evidence.input';
import { AwardCredentialInput } from './award-credential.input';
import { CandidateConnection } from './candidate-connection.object';
import { EARNED_CREDENTIALS_BY_CANDIDATE, EVIDENCE_BY_CANDIDATE } from './candidate.loaders';
import { CandidateObject, realCandidateId } from './candidate.object';
import { CandidateService } from './candidate.service';
import { CreateCandidateInput } from './create-candidate.input';
import { EarnedCredentialObject } from './earned-credential.object';
import { SkillEvidenceObject } from './skill-evidence.object';
import { UpdateCandidateInput } from './update-candidate.input';

@Resolver(() => CandidateObject)
export class CandidateResolver {
  constructor(private readonly service: CandidateService) {}

  @Query(() => CandidateObject, { nullable: true })
  candidate(@Args('id', { type: () => ID }) id: string): Promise<CandidateObject | null> {
    return this.service.findById(id);
  }

  @Query(() => CandidateConnection, {
    description:
      'Candidates in alphabetical order, optionally filtered by a name substring; only those the caller may see (ADMIN: all, RECRUITER: discoverable, ADVISOR: assigned learners, LEARNER: themself)',
  })
  candidates(@Args() args: ListArgs, @Context() ctx: GraphqlContext): Promise<CandidateConnection> {
    return this.service.list(args, requireCandidateScope(ctx));
  }

  @Mutation(() => CandidateObject)
  createCandidate(@Args('input') input: CreateCandidateInput): Promise<CandidateObject> {
    return this.service.create(input);
  }

  @Mutation(() => CandidateObject)
  updateCandidate(@Args('input') input: UpdateCandidateInput): Promise<CandidateObject> {
    return this.service.update(input);
  }

  @Mutation(() => ID, { description: 'Deletes the candidate with their credentials, evidence and pathways; returns the id' })
  deleteCandidate(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.service.delete(id);
  }

  @Mutation(() => EarnedCredentialObject)
  awardCredential(@Args('input') input: AwardCredentialInput): Promise<EarnedCredentialObject> {
    return this.service.award(input);
  }

  @Mutation(() => SkillEvidenceObject)
  addSkillEvidence(@Args('input') input: AddSkillEvidenceInput): Promise<SkillEvidenceObject> {
    return this.service.addEvidence(input);
  }

  @ResolveField(() => [EarnedCredentialObject])
  async credentials(@Parent() candidate: CandidateObject, @Context() ctx: GraphqlContext): Promise<EarnedCredentialObject[]> {
    const earned = await ctx.loaders.get(EARNED_CREDENTIALS_BY_CANDIDATE).load(realCandidateId(candidate));
    const masking = candidate.masking;
    // in a masked ranking no id leads back to the person
    return masking ? earned.map((e) => ({ ...e, id: masking.opaqueId(e.id), candidateId: candidate.id, maskedId: e.id, credentialMask: masking.opaqueId })) : earned;
  }

  @ResolveField(() => [SkillEvidenceObject])
  async evidence(@Parent() candidate: CandidateObject, @Context() ctx: GraphqlContext): Promise<SkillEvidenceObject[]> {
    const evidence = await ctx.loaders.get(EVIDENCE_BY_CANDIDATE).load(realCandidateId(candidate));
    const masking = candidate.masking;
    return masking
      ? evidence.map((e) => ({ ...e, id: masking.opaqueId(e.id), candidateId: candidate.id, earnedCredentialId: e.earnedCredentialId && masking.opaqueId(e.earnedCredentialId) }))
      : evidence;
  }
}
