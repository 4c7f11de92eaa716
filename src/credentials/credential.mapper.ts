import { CredentialType } from './credential-type.enum';
import { CredentialEntity } from './credential.entity';
import { CredentialObject } from './credential.object';

export function toCredentialObject(entity: CredentialEntity): CredentialObject {
  return {
    id: entity.id,
    name: entity.name,
    issuer: entity.issuer,
    learnerRecord: entity.ownerCandidateId != null,
    type: entity.type as CredentialType,
    hours: entity.hours,
    cost: entity.cost,
    currency: entity.currency ?? null,
    validityMonths: entity.validityMonths,
    academicCredits: entity.academicCredits,
    requiredComponents: entity.requiredComponents,
    description: entity.description,
  };
}
