import { Query, Resolver } from '@nestjs/graphql';
import { AuditChainVerificationObject } from './audit-chain-verification.object';
import { AuditChainService } from './audit-chain.service';

@Resolver()
export class AuditChainResolver {
  constructor(private readonly chain: AuditChainService) {}

  @Query(() => AuditChainVerificationObject, {
    description: 'Checks the hash chains of the audit tables (rankings, unmaskings) record by record and names the first record where each breaks',
  })
  verifyAuditChain(): Promise<AuditChainVerificationObject> {
    return this.chain.verify();
  }
}
