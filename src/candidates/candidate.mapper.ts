import { CandidateEntity } from './candidate.entity';
import { CandidateObject } from './candidate.object';
import { EarnedCredentialEntity } from './earned-credential.entity';
import { EarnedCredentialObject } from './earned-credential.object';
import { EvidenceSource } from './evidence-source.enum';
import { SkillEvidenceEntity } from './skill-evidence.entity';
import { SkillEvidenceObject } from './skill-evidence.object';
import { VerificationStatus } from './verification-status.enum';

export function toCandidateObject(e: CandidateEntity): CandidateObject {
  return { id: e.id, name: e.name, email: e.email, discoverable: e.discoverable };
}

export function toEarnedCredentialObject(e: EarnedCredentialEntity): EarnedCredentialObject {
  return {
    id: e.id,
    candidateId: e.candidateId,
    credentialId: e.credentialId,
    issuedAt: e.issuedAt,
    expiresAt: e.expiresAt,
    verification: e.verification as VerificationStatus,
    verifiedBy: e.verifiedBy ?? null,
  };
}

export function toSkillEvidenceObject(e: SkillEvidenceEntity): SkillEvidenceObject {
  return {
    id: e.id,
    candidateId: e.candidateId,
    skillId: e.skillId,
    earnedCredentialId: e.earnedCredentialId,
    level: e.level,
    evidencedAt: e.evidencedAt,
    source: e.source as EvidenceSource,
  };
}
