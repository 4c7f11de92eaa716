import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import type { CtdlCredentialFields } from '../domain/ctdl/ctdl-export';
import { PathwayStepEntity } from '../pathways/pathway-step.entity';
import { PathwayEntity } from '../pathways/pathway.entity';

/** A credential's own columns as CTDL import and export read and write them (type as stored). */
export type CtdlCredentialRow = CtdlCredentialFields<string>;

const CREDENTIAL_COLUMNS = `id, name, issuer, type, hours, cost, currency, validity_months AS "validityMonths", academic_credits AS "academicCredits",
  required_components AS "requiredComponents", description, ce_ctid AS ctid, external_id AS "externalId", ctdl_class AS "ctdlClass"`;

/** The credential columns of CtdlCredentialRow, in order, as parallel arrays for CREDENTIAL_UNNEST. */
const ROW_KEYS = ['id', 'name', 'issuer', 'type', 'hours', 'cost', 'currency', 'validityMonths', 'academicCredits', 'requiredComponents', 'description', 'ctid', 'externalId', 'ctdlClass'] as const;
const CREDENTIAL_UNNEST = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::int[], $9::float8[], $10::int[],
  $11::text[], $12::text[], $13::text[], $14::text[])`;
const credentialArrays = (rows: readonly CtdlCredentialRow[]): unknown[][] => ROW_KEYS.map((k) => rows.map((r) => r[k]));

/** All SQL of CTDL import and export, set-based (one statement per kind of row, whatever the document's size). */
@Injectable()
export class CtdlRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Catalogue credentials (never a learner's own record) whose ctid, external_id or id is among these values. */
  findCredentials(values: { ctids: string[]; externalIds: string[]; ids: string[] }, manager?: EntityManager): Promise<CtdlCredentialRow[]> {
    if (!values.ctids.length && !values.externalIds.length && !values.ids.length) return Promise.resolve([]);
    return this.m(manager).query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM credential WHERE owner_candidate_id IS NULL AND (ce_ctid = ANY($1::text[]) OR external_id = ANY($2::text[]) OR id = ANY($3::uuid[]))`,
      [values.ctids, values.externalIds, values.ids],
    );
  }

  credentialsByIds(ids: readonly string[], manager?: EntityManager): Promise<CtdlCredentialRow[]> {
    if (!ids.length) return Promise.resolve([]);
    // a learner's own achievement record is theirs, not the catalogue's: never exported
    return this.m(manager).query(`SELECT ${CREDENTIAL_COLUMNS} FROM credential WHERE owner_candidate_id IS NULL AND id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Inserts new credentials. No ON CONFLICT: a concurrent import that committed the same CTID or
   * @id first makes this fail with a unique violation (the service then runs the import again).
   */
  async insertCredentials(rows: readonly CtdlCredentialRow[], manager: EntityManager): Promise<void> {
    for (let start = 0; start < rows.length; start += 5000) {
      const chunk = rows.slice(start, start + 5000);
      await manager.query(
        `INSERT INTO credential (id, name, issuer, type, hours, cost, currency, validity_months, academic_credits, required_components, description, ce_ctid, external_id, ctdl_class)
         SELECT * FROM ${CREDENTIAL_UNNEST}`,
        credentialArrays(chunk),
      );
    }
  }

  /** Updates these credentials; a row whose values are all unchanged is not touched (its updated_at stays). */
  async updateCredentials(rows: readonly CtdlCredentialRow[], manager: EntityManager): Promise<void> {
    for (let start = 0; start < rows.length; start += 5000) {
      const chunk = rows.slice(start, start + 5000);
      await manager.query(
        `UPDATE credential c SET name = v.name, issuer = v.issuer, type = v.type, hours = v.hours, cost = v.cost, currency = v.currency,
           validity_months = v.validity_months, academic_credits = v.academic_credits, required_components = v.required_components,
           description = v.description, ce_ctid = v.ctid, external_id = v.external_id, ctdl_class = v.ctdl_class, updated_at = now()
         FROM ${CREDENTIAL_UNNEST}
           AS v(id, name, issuer, type, hours, cost, currency, validity_months, academic_credits, required_components, description, ctid, external_id, ctdl_class)
         WHERE c.id = v.id AND (c.name, c.issuer, c.type, c.hours, c.cost, c.currency, c.validity_months, c.academic_credits, c.required_components,
                                c.description, c.ce_ctid, c.external_id, c.ctdl_class)
               IS DISTINCT FROM (v.name, v.issuer, v.type, v.hours, v.cost, v.currency, v.validity_months, v.academic_credits, v.required_components,
                                 v.description, v.ctid, v.external_id, v.ctdl_class)`,
        credentialArrays(chunk),
      );
    }
  }

  /**
   * Makes the prerequisites and components of `credentialIds` exactly `edges`, and the skills of
   * `skills.credentialIds` exactly `skills.rows`, writing only the differences (an unchanged
   * document writes nothing). `fresh` credentials have no rows yet and are not read.
   */
  async syncEdges(
    credentialIds: readonly string[],
    fresh: ReadonlySet<string>,
    edges: { prerequisites: [string, string][]; components: [string, string][] },
    skills: { credentialIds: string[]; rows: [string, string, number][] },
    manager: EntityManager,
  ): Promise<void> {
    const old = credentialIds.filter((id) => !fresh.has(id));
    const oldSkillIds = skills.credentialIds.filter((id) => !fresh.has(id));
    const current = old.length ? await this.edgesOf(old, manager) : [];
    const currentSkills: { credentialId: string; skillId: string; level: number }[] = oldSkillIds.length
      ? await manager.query(`SELECT credential_id AS "credentialId", skill_id AS "skillId", level FROM credential_skill WHERE credential_id = ANY($1::uuid[])`, [oldSkillIds])
      : [];
    const pairKey = (a: string, b: string) => `${a}|${b}`;
    const diff = (table: string, column: string, kind: 'prerequisite' | 'component', wanted: [string, string][]) => {
      const want = new Set(wanted.map(([a, b]) => pairKey(a, b)));
      const have = new Set(current.filter((e) => e.kind === kind).map((e) => pairKey(e.credentialId, e.otherId)));
      const remove = current.filter((e) => e.kind === kind && !want.has(pairKey(e.credentialId, e.otherId))).map((e): [string, string] => [e.credentialId, e.otherId]);
      const add = wanted.filter(([a, b]) => !have.has(pairKey(a, b)));
      return { table, column, remove, add };
    };
    const skillKey = (a: string, b: string, l: number) => `${a}|${b}|${l}`;
    const wantSkills = new Set(skills.rows.map(([a, b, l]) => skillKey(a, b, l)));
    const haveSkills = new Set(currentSkills.map((r) => skillKey(r.credentialId, r.skillId, r.level)));
    const removeSkills = currentSkills.filter((r) => !wantSkills.has(skillKey(r.credentialId, r.skillId, r.level))).map((r): [string, string] => [r.credentialId, r.skillId]);
    const addSkills = skills.rows.filter(([a, b, l]) => !haveSkills.has(skillKey(a, b, l)));
    const sets = [
      diff('credential_prerequisite', 'prerequisite_id', 'prerequisite', edges.prerequisites),
      diff('credential_component', 'component_id', 'component', edges.components),
      { table: 'credential_skill', column: 'skill_id', remove: removeSkills, add: [] as [string, string][] },
    ];
    for (const d of sets) {
      if (d.remove.length) {
        await manager.query(`DELETE FROM ${d.table} t USING unnest($1::uuid[], $2::uuid[]) AS d(a, b) WHERE t.credential_id = d.a AND t.${d.column} = d.b`, [
          d.remove.map((r) => r[0]),
          d.remove.map((r) => r[1]),
        ]);
      }
    }
    const pair = (column: string) => [
      { name: 'credential_id', type: 'uuid', value: (r: [string, string]) => r[0] },
      { name: column, type: 'uuid', value: (r: [string, string]) => r[1] },
    ];
    for (const d of sets.slice(0, 2)) if (d.add.length) await bulkInsert(manager, d.table, pair(d.column), d.add);
    if (addSkills.length) {
      await bulkInsert(
        manager,
        'credential_skill',
        [
          { name: 'credential_id', type: 'uuid', value: (r: [string, string, number]) => r[0] },
          { name: 'skill_id', type: 'uuid', value: (r: [string, string, number]) => r[1] },
          { name: 'level', type: 'int', value: (r: [string, string, number]) => r[2] },
        ],
        addSkills,
      );
    }
  }

  /** Every prerequisite and component edge of the catalogue, as [from, to]. */
  async allEdges(manager: EntityManager): Promise<[string, string][]> {
    const rows: { a: string; b: string }[] = await manager.query(
      `SELECT credential_id AS a, prerequisite_id AS b FROM credential_prerequisite UNION ALL SELECT credential_id, component_id FROM credential_component`,
    );
    return rows.map((r) => [r.a, r.b]);
  }

  edgesOf(credentialIds: readonly string[], manager?: EntityManager): Promise<{ credentialId: string; otherId: string; kind: 'prerequisite' | 'component' }[]> {
    return this.m(manager).query(
      `SELECT credential_id AS "credentialId", prerequisite_id AS "otherId", 'prerequisite' AS kind FROM credential_prerequisite WHERE credential_id = ANY($1::uuid[])
       UNION ALL
       SELECT credential_id, component_id, 'component' FROM credential_component WHERE credential_id = ANY($1::uuid[])`,
      [credentialIds],
    );
  }

  skillsOf(credentialIds: readonly string[], manager?: EntityManager): Promise<{ credentialId: string; uri: string | null; name: string; level: number }[]> {
    return this.m(manager).query(
      `SELECT cs.credential_id AS "credentialId", s.external_uri AS uri, s.name, cs.level
       FROM credential_skill cs JOIN skill s ON s.id = cs.skill_id WHERE cs.credential_id = ANY($1::uuid[]) ORDER BY cs.credential_id, s.name, s.id`,
      [credentialIds],
    );
  }

  /** Skills by external URI (ESCO concept URIs). */
  skillsByUri(uris: readonly string[], manager?: EntityManager): Promise<{ id: string; uri: string }[]> {
    if (!uris.length) return Promise.resolve([]);
    return this.m(manager).query(`SELECT id, external_uri AS uri FROM skill WHERE external_uri = ANY($1::text[])`, [uris]);
  }

  /** Essential skills of the occupations with these external URIs (ESCO occupation URIs, O*NET-SOC codes). */
  occupationSkills(uris: readonly string[], manager?: EntityManager): Promise<{ uri: string; skillId: string }[]> {
    if (!uris.length) return Promise.resolve([]);
    return this.m(manager).query(
      `SELECT o.external_uri AS uri, os.skill_id AS "skillId" FROM occupation o JOIN occupation_skill os ON os.occupation_id = o.id
       WHERE o.external_uri = ANY($1::text[]) AND os.essential ORDER BY o.external_uri, os.skill_id`,
      [uris],
    );
  }

  findPathway(ctdlId: string, manager: EntityManager): Promise<PathwayEntity | null> {
    return manager.findOne(PathwayEntity, { where: { ctdlId } });
  }

  async pathwaySteps(pathwayId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.find(PathwayStepEntity, { where: { pathwayId }, order: { position: 'ASC' } });
    return rows.map((r) => r.credentialId);
  }

  savePathway(entity: Partial<PathwayEntity>, manager: EntityManager): Promise<PathwayEntity> {
    return manager.save(PathwayEntity, manager.create(PathwayEntity, entity));
  }

  async replacePathwaySteps(pathwayId: string, credentialIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(PathwayStepEntity, { pathwayId });
    if (credentialIds.length) await manager.insert(PathwayStepEntity, credentialIds.map((credentialId, i) => ({ pathwayId, position: i + 1, credentialId })));
  }

  pathwayById(id: string, manager: EntityManager): Promise<PathwayEntity | null> {
    return manager.findOne(PathwayEntity, { where: { id } });
  }
}
