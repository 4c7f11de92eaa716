import { registerEnumType } from '@nestjs/graphql';

export enum VerificationStatus {
  VERIFIED = 'VERIFIED',
  UNVERIFIED = 'UNVERIFIED',
  FAILED = 'FAILED',
  REVOKED = 'REVOKED',
}

registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
