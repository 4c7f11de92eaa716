import { registerEnumType } from '@nestjs/graphql';

export enum EvidenceSource {
  CREDENTIAL = 'CREDENTIAL',
  ASSESSMENT = 'ASSESSMENT',
  EXPERIENCE = 'EXPERIENCE',
  SELF_REPORTED = 'SELF_REPORTED',
}

registerEnumType(EvidenceSource, { name: 'EvidenceSource' });
