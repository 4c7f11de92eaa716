import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { bulkInsert } from '../database/bulk-insert';
import { readCatalogue } from './catalogue-files';
import { DEMO_ADVISOR_LEARNERS, DEMO_ADVISOR_SUB, DEMO_LEARNER_ID } from './demo-identities';
import { generateDemoPopulation } from './demo-cohorts';
import { insertDemoDemographics } from './demo-demographics';
import { GeneratedCandidate, SeedCatalogue } from './seed-data.types';

export const DEMO_CANDIDATES = 200;
export const DEMO_SEED = 42;

export interface SeedSummary {
  skills: number;
  broader: number;
  related: number;
  occupations: number;
  credentials: number;
  jobs: number;
  candidates: number;
  earnedCredentials: number;
  evidence: number;
  ms: number;
}

/** Loads the ESCO-based catalogue and the demo population; every insert skips existing ids, so it is idempotent. */
@Injectable()
export class SeedService implements OnModuleInit {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.seedDemo) return;
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM skill');
    if (count > 0) return;
    const summary = await this.seed();
    this.logger.log(`seeded the catalogue and demo data in ${summary.ms} ms: ${JSON.stringify(summary)}`);
  }

  async seed(options: { candidates?: number; seed?: number; now?: Date } = {}): Promise<SeedSummary> {
    const started = Date.now();
    const catalogue = readCatalogue();
    const now = options.now ?? startOfUtcDay(new Date());
    // every job gets each demo archetype (fully / partly qualified, lapsed, neighbouring occupation) at 4 × jobs
    const population = generateDemoPopulation({
      count: options.candidates ?? Math.max(DEMO_CANDIDATES, 4 * catalogue.jobs.length),
      seed: options.seed ?? DEMO_SEED,
      now,
      catalogue,
    });
    const counts = await this.dataSource.transaction(async (manager) => {
      const catalogueCounts = await this.insertCatalogue(manager, catalogue);
      const peopleCounts = await insertCandidates(manager, population.candidates);
      await assignDemoAdvisor(manager, population.candidates);
      await insertDemoDemographics(manager, population.candidates.map((c) => c.id));
      return { ...catalogueCounts, ...peopleCounts };
    });
    return { ...counts, ms: Date.now() - started };
  }

  private async insertCatalogue(manager: EntityManager, c: SeedCatalogue) {
    await bulkInsert(manager, 'skill', [
      { name: 'id', type: 'uuid', value: (s) => s.id },
      { name: 'name', type: 'text', value: (s) => s.name },
      { name: 'description', type: 'text', value: (s) => s.description },
      { name: 'category', type: 'text', value: (s) => s.category },
      { name: 'external_uri', type: 'text', value: (s) => s.uri },
    ], c.skills);
    // aliases are arrays: set them per row from a JSON document in one statement
    await manager.query(
      `UPDATE skill s SET aliases = ARRAY(SELECT jsonb_array_elements_text(a.value))
         FROM jsonb_each($1::jsonb) a WHERE s.id = a.key::uuid`,
      [JSON.stringify(Object.fromEntries(c.skills.filter((s) => s.aliases.length).map((s) => [s.id, s.aliases])))],
    );
    await bulkInsert(manager, 'skill_broader', [
      { name: 'skill_id', type: 'uuid', value: (e) => e[0] },
      { name: 'broader_id', type: 'uuid', value: (e) => e[1] },
    ], c.broader);
    await bulkInsert(manager, 'skill_relation', [
      { name: 'skill_id', type: 'uuid', value: (e) => e[0] },
      { name: 'related_id', type: 'uuid', value: (e) => e[1] },
      { name: 'weight', type: 'float8', value: (e) => e[2] },
    ], c.related);
    await bulkInsert(manager, 'occupation', [
      { name: 'id', type: 'uuid', value: (o) => o.id },
      { name: 'name', type: 'text', value: (o) => o.name },
      { name: 'description', type: 'text', value: (o) => o.description },
      { name: 'external_uri', type: 'text', value: (o) => o.uri },
      { name: 'isco_group', type: 'text', value: (o) => o.iscoGroup },
    ], c.occupations);
    await manager.query(
      `UPDATE occupation o SET aliases = ARRAY(SELECT jsonb_array_elements_text(a.value))
         FROM jsonb_each($1::jsonb) a WHERE o.id = a.key::uuid`,
      [JSON.stringify(Object.fromEntries(c.occupations.filter((o) => o.aliases.length).map((o) => [o.id, o.aliases])))],
    );
    const occupationSkills = c.occupations.flatMap((o) => [
      ...o.essential.map((skillId) => ({ occupationId: o.id, skillId, essential: true })),
      ...o.optional.filter((id) => !o.essential.includes(id)).map((skillId) => ({ occupationId: o.id, skillId, essential: false })),
    ]);
    await bulkInsert(manager, 'occupation_skill', [
      { name: 'occupation_id', type: 'uuid', value: (r) => r.occupationId },
      { name: 'skill_id', type: 'uuid', value: (r) => r.skillId },
      { name: 'essential', type: 'bool', value: (r) => r.essential },
    ], occupationSkills);
    await bulkInsert(manager, 'credential', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'name', type: 'text', value: (r) => r.name },
      { name: 'issuer', type: 'text', value: (r) => r.issuer },
      { name: 'type', type: 'text', value: (r) => r.type },
      { name: 'hours', type: 'float8', value: (r) => r.hours },
      { name: 'cost', type: 'float8', value: (r) => r.cost },
      { name: 'validity_months', type: 'int', value: (r) => r.validityMonths },
      { name: 'academic_credits', type: 'float8', value: (r) => r.academicCredits },
      { name: 'required_components', type: 'int', value: (r) => r.requiredComponents },
    ], c.credentials);
    await bulkInsert(manager, 'credential_skill', [
      { name: 'credential_id', type: 'uuid', value: (r) => r.credentialId },
      { name: 'skill_id', type: 'uuid', value: (r) => r.skillId },
      { name: 'level', type: 'int', value: (r) => r.level },
    ], c.credentials.flatMap((cr) => cr.skills.map((s) => ({ credentialId: cr.id, ...s }))));
    await bulkInsert(manager, 'credential_prerequisite', [
      { name: 'credential_id', type: 'uuid', value: (r) => r[0] },
      { name: 'prerequisite_id', type: 'uuid', value: (r) => r[1] },
    ], c.credentials.flatMap((cr) => cr.prerequisites.map((p) => [cr.id, p] as const)));
    await bulkInsert(manager, 'credential_component', [
      { name: 'credential_id', type: 'uuid', value: (r) => r[0] },
      { name: 'component_id', type: 'uuid', value: (r) => r[1] },
    ], c.credentials.flatMap((cr) => cr.components.map((p) => [cr.id, p] as const)));
    await bulkInsert(manager, 'job', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'title', type: 'text', value: (r) => r.title },
      { name: 'description', type: 'text', value: (r) => r.description },
      { name: 'occupation_id', type: 'uuid', value: (r) => r.occupationId },
    ], c.jobs);
    await bulkInsert(manager, 'job_requirement', [
      { name: 'job_id', type: 'uuid', value: (r) => r.jobId },
      { name: 'skill_id', type: 'uuid', value: (r) => r.skillId },
      { name: 'level', type: 'int', value: (r) => r.level },
      { name: 'weight', type: 'float8', value: (r) => r.weight },
      { name: 'mandatory', type: 'bool', value: (r) => r.mandatory },
      { name: 'position', type: 'int', value: (r) => r.position },
    ], c.jobs.flatMap((j) => j.requirements.map((r, position) => ({ jobId: j.id, position, ...r }))));
    return {
      skills: c.skills.length,
      broader: c.broader.length,
      related: c.related.length,
      occupations: c.occupations.length,
      credentials: c.credentials.length,
      jobs: c.jobs.length,
    };
  }
}

/** Inserts generated candidates with their earned credentials and evidence (skipping existing ids). */
export async function insertCandidates(manager: EntityManager, candidates: readonly GeneratedCandidate[]) {
  await bulkInsert(manager, 'candidate', [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'email', type: 'text', value: (r) => r.email },
    { name: 'discoverable', type: 'bool', value: (r) => r.discoverable },
  ], candidates);
  const earned = candidates.flatMap((c) => c.credentials.map((e) => ({ candidateId: c.id, ...e })));
  await bulkInsert(manager, 'earned_credential', [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'candidate_id', type: 'uuid', value: (r) => r.candidateId },
    { name: 'credential_id', type: 'uuid', value: (r) => r.credentialId },
    { name: 'issued_at', type: 'timestamptz', value: (r) => r.issuedAt },
    { name: 'expires_at', type: 'timestamptz', value: (r) => r.expiresAt },
    { name: 'verification', type: 'text', value: (r) => r.verification },
  ], earned);
  const evidence = candidates.flatMap((c) => c.evidence.map((e) => ({ candidateId: c.id, ...e })));
  await bulkInsert(manager, 'skill_evidence', [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'candidate_id', type: 'uuid', value: (r) => r.candidateId },
    { name: 'skill_id', type: 'uuid', value: (r) => r.skillId },
    { name: 'level', type: 'int', value: (r) => r.level },
    { name: 'evidenced_at', type: 'timestamptz', value: (r) => r.evidencedAt },
    { name: 'source', type: 'text', value: (r) => r.source },
    { name: 'earned_credential_id', type: 'uuid', value: (r) => r.earnedCredentialId },
  ], evidence);
  return { candidates: candidates.length, earnedCredentials: earned.length, evidence: evidence.length };
}

/** The demo advisor follows the README's learner and the first few other demo candidates (skipping existing assignments). */
async function assignDemoAdvisor(manager: EntityManager, candidates: readonly GeneratedCandidate[]): Promise<void> {
  const ids = [DEMO_LEARNER_ID, ...candidates.filter((c) => c.id !== DEMO_LEARNER_ID).slice(0, DEMO_ADVISOR_LEARNERS).map((c) => c.id)];
  await manager.query(
    `INSERT INTO advisor_assignment (candidate_id, advisor_sub, assigned_by)
     SELECT c.id, $2, 'seed' FROM candidate c WHERE c.id = ANY($1::uuid[])
     ON CONFLICT DO NOTHING`,
    [ids, DEMO_ADVISOR_SUB],
  );
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
