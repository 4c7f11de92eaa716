import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Pathway', { description: 'A saved, ordered list of credentials; steps, scores and progress are computed when read' })
export class PathwayObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  candidateId!: string | null;
  jobId!: string | null;
  /** In order. */
  credentialIds!: string[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
