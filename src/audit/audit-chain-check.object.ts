import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AuditChainBreakObject } from './audit-chain-break.object';

@ObjectType('AuditChainCheck', { description: "One audit table's hash chain, checked record by record" })
export class AuditChainCheckObject {
  @Field({ description: 'ranking_audit or candidate_unmask' })
  table!: string;

  @Field(() => Int, { description: 'records checked' })
  records!: number;

  @Field({ description: 'every record matches its hash and follows the one before' })
  intact!: boolean;

  @Field(() => AuditChainBreakObject, { nullable: true, description: 'the first record where the chain breaks; null when intact' })
  firstBroken!: AuditChainBreakObject | null;

  @Field(() => String, { nullable: true, description: "the last record's hash: note it elsewhere to detect a later rewrite of the whole chain or a removed tail" })
  headHash!: string | null;
}
