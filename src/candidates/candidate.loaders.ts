import { LoaderKey } from '../common/loaders/loader-key';
import { CandidateObject } from './candidate.object';
import { EarnedCredentialObject } from './earned-credential.object';
import { SkillEvidenceObject } from './skill-evidence.object';

export const CANDIDATE_BY_ID = new LoaderKey<string, CandidateObject | null>('candidateById');
export const EARNED_CREDENTIALS_BY_CANDIDATE = new LoaderKey<string, EarnedCredentialObject[]>('earnedCredentialsByCandidate');
export const EVIDENCE_BY_CANDIDATE = new LoaderKey<string, SkillEvidenceObject[]>('evidenceByCandidate');
