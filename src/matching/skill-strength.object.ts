import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceSource } from '../candidates/evidence-source.enum';

@ObjectType('SkillStrength')
export class SkillStrengthObject {
  skillId!: string;

  @Field(() => Int)
  level!: number;

  @Field(() => Float, { description: 'level * confidence * decay, 0..5' })
  strength!: number;

  @Field()
  lastEvidencedAt!: Date;

  @Field(() => EvidenceSource)
  source!: EvidenceSource;
}
