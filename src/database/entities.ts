import { IssuerKeyEntity } from '../badges/issuer-key.entity';
import { TrustedIssuerEntity } from '../badges/trusted-issuer.entity';
import { CandidateEntity } from '../candidates/candidate.entity';
import { EarnedCredentialEntity } from '../candidates/earned-credential.entity';
import { SkillEvidenceEntity } from '../candidates/skill-evidence.entity';
import { CredentialComponentEntity } from '../credentials/credential-component.entity';
import { CredentialPrerequisiteEntity } from '../credentials/credential-prerequisite.entity';
import { CredentialSkillEntity } from '../credentials/credential-skill.entity';
import { CredentialEntity } from '../credentials/credential.entity';
import { JobRequirementEntity } from '../jobs/job-requirement.entity';
import { JobEntity } from '../jobs/job.entity';
import { OccupationSkillEntity } from '../occupations/occupation-skill.entity';
import { OccupationEntity } from '../occupations/occupation.entity';
import { PathwayStepEntity } from '../pathways/pathway-step.entity';
import { PathwayEntity } from '../pathways/pathway.entity';
import { SkillBroaderEntity } from '../skills/skill-broader.entity';
import { SkillRelationEntity } from '../skills/skill-relation.entity';
import { SkillEntity } from '../skills/skill.entity';

export const ENTITIES = [
  SkillEntity,
  SkillBroaderEntity,
  SkillRelationEntity,
  OccupationEntity,
  OccupationSkillEntity,
  CredentialEntity,
  CredentialSkillEntity,
  CredentialPrerequisiteEntity,
  CredentialComponentEntity,
  CandidateEntity,
  EarnedCredentialEntity,
  SkillEvidenceEntity,
  JobEntity,
  JobRequirementEntity,
  PathwayEntity,
  PathwayStepEntity,
  IssuerKeyEntity,
  TrustedIssuerEntity,
];
