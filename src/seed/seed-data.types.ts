/**
 * Shapes of the seed catalogue written to data/catalogue/*.json by
 * `npm run data:build`, and of the demo population generator's output.
 * All ids are stable UUIDs (see stable-id.ts).
 */

export type SkillCategory = 'TECHNICAL' | 'DURABLE';
export type SkillKind = 'skill' | 'knowledge' | 'group';

/** data/catalogue/skills.json: ESCO skills, knowledge concepts and skill groups. */
export interface SeedSkill {
  id: string;
  uri: string;
  name: string;
  aliases: string[];
  description: string | null;
  category: SkillCategory;
  kind: SkillKind;
}

/** data/catalogue/broader.json: child is narrower than parent (a DAG). */
export type SeedBroaderEdge = [childId: string, parentId: string];

/** data/catalogue/related.json: ESCO skill-skill relation, 0.8 essential / 0.5 optional. */
export type SeedRelatedEdge = [fromId: string, toId: string, weight: number];

/** data/catalogue/occupations.json: ICT occupations (ISCO 25xx, 35xx, 1330). */
export interface SeedOccupation {
  id: string;
  uri: string;
  name: string;
  aliases: string[];
  iscoGroup: string;
  code: string;
  description: string | null;
  essential: string[];
  optional: string[];
}

export type CredentialType = 'MICRO_CREDENTIAL' | 'BADGE' | 'CERTIFICATE' | 'CERTIFICATION' | 'DEGREE';

export interface SeedCredentialSkill {
  skillId: string;
  /** Proficiency the credential attests, 1 (awareness) .. 5 (expert). */
  level: number;
}

/** data/catalogue/credentials.json. `cost` is in EUR. */
export interface SeedCredential {
  id: string;
  key: string;
  name: string;
  issuer: string;
  type: CredentialType;
  hours: number;
  cost: number;
  validityMonths: number | null;
  academicCredits: number | null;
  skills: SeedCredentialSkill[];
  /** Credentials that must be held before this one can be earned. */
  prerequisites: string[];
  /** For stacks: the credentials that count towards this one. */
  components: string[];
  /** For stacks: how many of `components` earn it (N of M); null otherwise. */
  requiredComponents: number | null;
}

export interface SeedJobRequirement {
  skillId: string;
  level: number;
  weight: number;
  mandatory: boolean;
}

/** data/catalogue/jobs.json. */
export interface SeedJob {
  id: string;
  key: string;
  title: string;
  description: string;
  occupationId: string;
  requirements: SeedJobRequirement[];
}

export interface SeedCatalogue {
  skills: SeedSkill[];
  broader: SeedBroaderEdge[];
  related: SeedRelatedEdge[];
  occupations: SeedOccupation[];
  credentials: SeedCredential[];
  jobs: SeedJob[];
}

/** The part of the catalogue the demo population generator needs. */
export type PopulationCatalogue = Pick<SeedCatalogue, 'skills' | 'occupations' | 'credentials'>;

export type VerificationStatus = 'VERIFIED' | 'UNVERIFIED';
export type EvidenceSource = 'CREDENTIAL' | 'ASSESSMENT' | 'EXPERIENCE' | 'SELF_REPORTED';

export interface GeneratedEarnedCredential {
  id: string;
  credentialId: string;
  issuedAt: Date;
  expiresAt: Date | null;
  verification: VerificationStatus;
}

export interface GeneratedEvidence {
  id: string;
  skillId: string;
  level: number;
  evidencedAt: Date;
  source: EvidenceSource;
  /** Id of the candidate's earned credential (GeneratedEarnedCredential.id) for CREDENTIAL evidence. */
  earnedCredentialId: string | null;
}

export interface GeneratedCandidate {
  id: string;
  name: string;
  email: string;
  discoverable: boolean;
  /** Occupation the candidate's profile was drawn from (SeedOccupation.id). */
  occupationId: string;
  /** Ordered by issuedAt; prerequisites and stack components come before dependants. */
  credentials: GeneratedEarnedCredential[];
  evidence: GeneratedEvidence[];
}

export interface PopulationOptions {
  count: number;
  seed: number;
  now: Date;
  catalogue: PopulationCatalogue;
}

export interface GeneratedPopulation {
  seed: number;
  now: Date;
  candidates: GeneratedCandidate[];
}
