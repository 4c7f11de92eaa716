import { Field, ObjectType } from '@nestjs/graphql';
import { AuditChainCheckObject } from './audit-chain-check.object';

@ObjectType('AuditChainVerification', { description: 'verifyAuditChain: the hash chains of the append-only audit tables' })
export class AuditChainVerificationObject {
  @Field({ description: 'every table intact' })
  intact!: boolean;

  @Field(() => [AuditChainCheckObject])
  tables!: AuditChainCheckObject[];
}
