import { InitialSchema1764374400000 } from '../../migrations/1764374400000-initial-schema';
import { AdvisorAssignment1764633600000 } from '../../migrations/1764633600000-advisor-assignment';
import { RankingAudit1764633600001 } from '../../migrations/1764633600001-ranking-audit';
import { CandidateDemographics1764633600002 } from '../../migrations/1764633600002-candidate-demographics';
import { IssuerKey1764720000000 } from '../../migrations/1764720000000-issuer-key';
import { ChangeLog1796688000000 } from '../../migrations/1796688000000-change-log';
import { AuditChain1796688000001 } from '../../migrations/1796688000001-audit-chain';
import { Ctdl1796688262000 } from '../../migrations/1796688262000-ctdl';
import { LearnerRecordsTrustList1796688270046 } from '../../migrations/1796688270046-learner-records-trust-list';
import { Eeo1RaceEthnicity1796688307719 } from '../../migrations/1796688307719-eeo1-race-ethnicity';
import { JobAndTemplateOwners1796688471368 } from '../../migrations/1796688471368-job-and-template-owners';

/** Every migration, in order. New migrations are generated into migrations/ and listed here. */
export const MIGRATIONS = [
  InitialSchema1764374400000,
  AdvisorAssignment1764633600000,
  RankingAudit1764633600001,
  CandidateDemographics1764633600002,
  IssuerKey1764720000000,
  ChangeLog1796688000000,
  AuditChain1796688000001,
  Ctdl1796688262000,
  LearnerRecordsTrustList1796688270046,
  Eeo1RaceEthnicity1796688307719,
  JobAndTemplateOwners1796688471368,
];
