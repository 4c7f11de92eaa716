import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('AdvisorAssignment', { description: 'An advisor (token sub) working with a learner' })
export class AdvisorAssignmentObject {
  candidateId!: string;

  @Field({ description: "the advisor's token sub" })
  advisorSub!: string;

  @Field({ description: 'the sub of whoever assigned them (an ADMIN or the learner)' })
  assignedBy!: string;

  @Field()
  assignedAt!: Date;
}
