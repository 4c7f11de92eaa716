import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditChainBreak', { description: 'The first audit record where the hash chain does not hold' })
export class AuditChainBreakObject {
  @Field(() => ID, { description: 'the record (a RankingAudit id for ranking_audit)' })
  id!: string;

  @Field(() => Int, { description: 'its position in the chain (1 = the first record)' })
  position!: number;

  @Field({ description: 'what does not hold: its content does not match its hash (rewritten), it does not follow the record before (one before it was rewritten or removed), or positions are missing (removed)' })
  reason!: string;
}
