import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CandidateChangeReason {
  EVIDENCE_ADDED = 'EVIDENCE_ADDED',
  CREDENTIAL_ADDED = 'CREDENTIAL_ADDED',
  RECORD_UPDATED = 'RECORD_UPDATED',
  DELETED = 'DELETED',
}

registerEnumType(CandidateChangeReason, {
  name: 'CandidateChangeReason',
  valuesMap: {
    EVIDENCE_ADDED: { description: 'skill evidence recorded after the audit' },
    CREDENTIAL_ADDED: { description: 'a credential earned or imported after the audit' },
    RECORD_UPDATED: { description: 'the candidate record (e.g. discoverability) changed after the audit' },
    DELETED: { description: 'the candidate no longer exists' },
  },
});

@ObjectType('CandidateChange')
export class CandidateChangeObject {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => [CandidateChangeReason])
  reasons!: CandidateChangeReason[];
}
