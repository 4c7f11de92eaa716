import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceSource } from './evidence-source.enum';

@ObjectType('SkillEvidence')
export class SkillEvidenceObject {
  @Field(() => ID)
  id!: string;

  candidateId!: string;
  skillId!: string;
  earnedCredentialId!: string | null;

  @Field(() => Int, { description: '1..5' })
  level!: number;

  @Field()
  evidencedAt!: Date;

  @Field(() => EvidenceSource)
  source!: EvidenceSource;
}
