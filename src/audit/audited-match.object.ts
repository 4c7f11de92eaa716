import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditedMatch', { description: 'One candidate of an audited ranking or match, as returned' })
export class AuditedMatchObject {
  @Field(() => Int, { description: '1-based position in the returned page' })
  position!: number;

  @Field(() => ID)
  candidateId!: string;

  @Field(() => Float)
  score!: number;

  @Field()
  meetsMandatory!: boolean;
}
