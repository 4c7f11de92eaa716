import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AgeBand, AGE_BAND_VALUES, Demographics, Ethnicity, Sex } from '../domain/fairness/categories';
import { bulkInsert } from '../database/bulk-insert';

/**
 * Demo self-declarations for the seeded candidates, so that a bias audit of the demo has something
 * to count: derived from the candidate id alone (stable, independent of the scores), with shares
 * near the US labour force (BLS 2023; Middle Eastern or North African about 1%), and some people
 * declaring nothing: sex unknown for 10%, race/ethnicity for 15%, age band for 30%.
 */
const SEX: readonly [Sex, number][] = [
  ['MALE', 0.53],
  ['FEMALE', 0.45],
  ['NON_BINARY', 0.02],
];
const ETHNICITY: readonly [Ethnicity, number][] = [
  ['HISPANIC_OR_LATINO', 0.19],
  ['WHITE', 0.57],
  ['BLACK_OR_AFRICAN_AMERICAN', 0.13],
  ['NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER', 0.005],
  ['ASIAN', 0.07],
  ['AMERICAN_INDIAN_OR_ALASKA_NATIVE', 0.007],
  ['TWO_OR_MORE_RACES', 0.018],
  ['MIDDLE_EASTERN_OR_NORTH_AFRICAN', 0.01],
];

function pick<T>(u: number, table: readonly [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  for (const [value, w] of table) {
    acc += w / total;
    if (u < acc) return value;
  }
  return table[table.length - 1][0];
}

/** Six uniform numbers in [0, 1) from the id's SHA-256. */
function uniforms(candidateId: string): number[] {
  const digest = createHash('sha256').update(`demo-demographics:${candidateId}`).digest();
  return [0, 4, 8, 12, 16, 20].map((o) => digest.readUInt32BE(o) / 2 ** 32);
}

export function demoDemographics(candidateId: string): Demographics {
  const [sexKnown, sex, ethnicityKnown, ethnicity, ageKnown, age] = uniforms(candidateId);
  return {
    sex: sexKnown < 0.9 ? pick(sex, SEX) : null,
    ethnicity: ethnicityKnown < 0.85 ? pick(ethnicity, ETHNICITY) : null,
    ageBand: ageKnown < 0.7 ? (AGE_BAND_VALUES[Math.floor(age * AGE_BAND_VALUES.length)] as AgeBand) : null,
  };
}

/** Inserts the demo declarations (skipping candidates who already have one). */
export async function insertDemoDemographics(manager: EntityManager, candidateIds: readonly string[]): Promise<number> {
  const rows = candidateIds.map((id) => ({ id, ...demoDemographics(id) })).filter((r) => r.sex || r.ethnicity || r.ageBand);
  return bulkInsert(manager, 'candidate_demographics', [
    { name: 'candidate_id', type: 'uuid', value: (r) => r.id },
    { name: 'sex', type: 'text', value: (r) => r.sex },
    { name: 'ethnicity', type: 'text', value: (r) => r.ethnicity },
    { name: 'age_band', type: 'text', value: (r) => r.ageBand },
  ], rows);
}
