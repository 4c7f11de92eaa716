import { registerEnumType } from '@nestjs/graphql';

/** What differs between an audited ranking's inputs and today's (RankingReplay.changed). */
export enum ReplayChange {
  CONFIGURATION = 'CONFIGURATION',
  TAXONOMY = 'TAXONOMY',
  JOB = 'JOB',
  CANDIDATES = 'CANDIDATES',
}

registerEnumType(ReplayChange, {
  name: 'ReplayChange',
  description: "An input of an audited ranking that is different today (the replay uses the audited configuration and requirements, today's taxonomy and candidates)",
  valuesMap: {
    CONFIGURATION: { description: "today's engine configuration has another configHash" },
    TAXONOMY: { description: "today's taxonomy has another version than the audited one (or the record predates taxonomy versions)" },
    JOB: { description: "the job's requirements today differ from the audited ones, or the job is gone" },
    CANDIDATES: { description: 'some candidates of the audited or recomputed results changed since (changedCandidates)' },
  },
});
