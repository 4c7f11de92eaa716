import { registerEnumType } from '@nestjs/graphql';

export enum CredentialType {
  MICRO_CREDENTIAL = 'MICRO_CREDENTIAL',
  BADGE = 'BADGE',
  CERTIFICATE = 'CERTIFICATE',
  CERTIFICATION = 'CERTIFICATION',
  DEGREE = 'DEGREE',
}

registerEnumType(CredentialType, { name: 'CredentialType' });
