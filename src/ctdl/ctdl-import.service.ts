import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ALIGNMENT_NAME_MIN_SCORE } from '../badges/badge-import.service';
import { AppException } from '../common/errors/app.exception';
import { DomainEvents } from '../common/events/domain-events.service';
import { CredentialObject } from '../credentials/credential.object';
import { TransactionService } from '../database/transaction.service';
import { CredentialDraft, CtdlDocument } from '../domain/ctdl/ctdl-draft.types';
import { derivedCredentialId } from '../domain/ctdl/ctdl-export';
import { CtdlInputError } from '../domain/ctdl/ctdl-input.error';
import { CtdlImportPlan, ExistingCredential, planCtdlImport, Target } from '../domain/ctdl/ctdl-plan';
import { ctidInIri, mayUseLegacyNamespaces, readCtdlDocument } from '../domain/ctdl/ctdl-reader';
import { OCCUPATION_SKILL_LEVEL, TYPE_TO_CLASS } from '../domain/ctdl/ctdl-vocabulary';
import { findCycle } from '../domain/ctdl/graph-cycle';
import { occupationKeys } from '../domain/ctdl/occupation-keys';
import { PathwayObject } from '../pathways/pathway.object';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CtdlCredentialRow, CtdlRepository } from './ctdl.repository';
import { expandCtdl } from './ctdl-jsonld';

export interface CtdlImportResult {
  credentials: CredentialObject[];
  pathways: PathwayObject[];
  warnings: string[];
}

const UNKNOWN_ISSUER = 'Unknown issuer';

const isUniqueViolation = (error: unknown): boolean => (error as { driverError?: { code?: string } })?.driverError?.code === '23505';

function toObject(r: CtdlCredentialRow): CredentialObject {
  return {
    id: r.id,
    name: r.name,
    issuer: r.issuer,
    type: r.type as CredentialObject['type'],
    hours: r.hours,
    cost: r.cost,
    currency: r.currency,
    validityMonths: r.validityMonths,
    academicCredits: r.academicCredits,
    requiredComponents: r.requiredComponents,
    description: r.description,
    learnerRecord: false,
  };
}

/** Rows already in the catalogue, indexed by every name a document may use for them. */
class CatalogueIndex {
  private readonly byCtid = new Map<string, CtdlCredentialRow>();
  private readonly byExternal = new Map<string, CtdlCredentialRow>();
  private readonly byId = new Map<string, CtdlCredentialRow>();

  constructor(rows: readonly CtdlCredentialRow[]) {
    for (const r of rows) {
      if (r.ctid) this.byCtid.set(r.ctid.toLowerCase(), r);
      if (r.externalId) this.byExternal.set(r.externalId, r);
      this.byId.set(r.id, r);
    }
  }

  /** A reference (an @id, a CTID, a Registry IRI ending in a CTID, or an exported skillstack IRI / CTID). */
  find(ref: string): CtdlCredentialRow | null {
    const ctid = ctidInIri(ref);
    const derived = derivedCredentialId(ref) ?? (ctid ? derivedCredentialId(ctid) : null);
    return this.byExternal.get(ref) ?? this.byCtid.get(ref.toLowerCase()) ?? (ctid ? this.byCtid.get(ctid) : undefined) ?? (derived ? this.byId.get(derived) : undefined) ?? null;
  }

  /** The row a draft updates: by CTID, then @id; an error when they name two different rows. */
  match(d: CredentialDraft): CtdlCredentialRow | null {
    const byCtid = d.ctid ? this.find(d.ctid) : null;
    const byIri = d.iri ? this.find(d.iri) : null;
    if (byCtid && byIri && byCtid.id !== byIri.id) {
      throw new CtdlInputError(d.path, `its CTID ${d.ctid} and its @id ${d.iri} belong to two different catalogue credentials`);
    }
    return byCtid ?? byIri;
  }
}

/**
 * importCtdl: expands the document (bundled context), reads and plans it with the pure mapping in
 * src/domain/ctdl, maps competencies and occupations to skills, and writes everything in one
 * transaction with set-based statements. Idempotent: a credential is found again by its CTID or
 * @id (or the skillstack id an export gave it), and unchanged rows are not rewritten.
 */
@Injectable()
export class CtdlImportService {
  constructor(
    private readonly repository: CtdlRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly transactions: TransactionService,
    private readonly events: DomainEvents,
  ) {}

  async import(document: string): Promise<CtdlImportResult> {
    try {
      const doc = readCtdlDocument(await expandCtdl(document), { legacyNamespaces: mayUseLegacyNamespaces(document) });
      const run = () =>
        this.transactions.run(async ({ manager, afterCommit }) => {
          const result = await this.write(doc, manager);
          afterCommit(() => this.events.emit('credentials.changed', { credentialIds: result.credentials.map((c) => c.id) }));
          return result;
        });
      try {
        return await run();
      } catch (error) {
        // a concurrent import of the same resources committed first: run again, finding its rows
        if (isUniqueViolation(error)) return await run();
        throw error;
      }
    } catch (error) {
      if (error instanceof CtdlInputError) {
        const message = error.path === 'document' ? `document ${error.reason}` : `document: ${error.message}`;
        throw AppException.badInput('document', message, { path: error.path });
      }
      throw error;
    }
  }

  private async write(doc: CtdlDocument, manager: EntityManager): Promise<CtdlImportResult> {
    const refs = new Set<string>();
    for (const d of doc.credentials) {
      for (const v of [d.ctid, d.iri, ...d.parts, ...d.prerequisites]) if (v) refs.add(v);
    }
    for (const c of doc.components.values()) if (c.proxyFor) refs.add(c.proxyFor);
    const all = [...refs];
    const ctids = [...new Set(all.flatMap((r) => [r.toLowerCase(), ctidInIri(r)]).filter((x): x is string => x !== null))];
    const ids = [...new Set(all.flatMap((r) => [derivedCredentialId(r), ctidInIri(r) ? derivedCredentialId(ctidInIri(r) as string) : null]).filter((x): x is string => x !== null))];
    const catalogue = new CatalogueIndex(await this.repository.findCredentials({ ctids, externalIds: all, ids }, manager));

    const matched = doc.credentials.map((d) => catalogue.match(d));
    const seen = new Map<string, number>();
    matched.forEach((row, i) => {
      if (!row) return;
      const other = seen.get(row.id);
      if (other !== undefined) throw new CtdlInputError(doc.credentials[i].path, `is the same catalogue credential as ${doc.credentials[other].path}`);
      seen.set(row.id, i);
    });
    const existing = (ref: string): ExistingCredential | null => {
      const row = catalogue.find(ref);
      return row ? { id: row.id, hours: row.hours, cost: row.cost, currency: row.currency } : null;
    };
    const plan = planCtdlImport(doc, existing);
    const warnings = plan.warnings;

    const ids_ = matched.map((row) => row?.id ?? randomUUID());
    const idOf = (t: Target) => ('draft' in t ? ids_[t.draft] : t.existing);
    const rows: CtdlCredentialRow[] = plan.credentials.map((p, i) => {
      const d = p.draft;
      const row = matched[i];
      const id = ids_[i];
      if (!d.issuer) warnings.push(`${d.path} names no ownedBy or offeredBy organisation; its issuer was recorded as "${UNKNOWN_ISSUER}".`);
      return {
        id,
        name: d.name,
        issuer: d.issuer ?? UNKNOWN_ISSUER,
        type: d.type,
        hours: p.hours,
        cost: p.cost,
        currency: p.currency,
        validityMonths: d.validityMonths,
        academicCredits: d.academicCredits !== null && d.academicCredits >= 0 ? d.academicCredits : null,
        requiredComponents: p.requiredComponents,
        description: d.description,
        ctid: d.ctid && derivedCredentialId(d.ctid) !== id ? d.ctid : (row?.ctid ?? null),
        externalId: row?.externalId ?? (d.iri && derivedCredentialId(d.iri) !== id ? d.iri : null),
        // an export writes TYPE_TO_CLASS for a credential with no CTDL class: reading it back keeps it so
        ctdlClass: row && row.ctdlClass === null && row.type === d.type && TYPE_TO_CLASS[d.type] === d.ctdlClass ? null : d.ctdlClass,
      };
    });
    const fresh = rows.filter((_, i) => !matched[i]);
    const updated = rows.filter((_, i) => matched[i]);
    await this.repository.insertCredentials(fresh, manager);
    await this.repository.updateCredentials(updated, manager);

    const skills = await this.skillsFor(doc, warnings, manager);
    const withSkills = doc.credentials.map((d, i) => (d.competencies.length || d.occupations.length ? i : -1)).filter((i) => i >= 0);
    await this.repository.syncEdges(
      ids_,
      new Set(fresh.map((r) => r.id)),
      {
        prerequisites: plan.credentials.flatMap((p, i) => p.prerequisites.map((t): [string, string] => [ids_[i], idOf(t)])),
        components: plan.credentials.flatMap((p, i) => p.components.map((t): [string, string] => [ids_[i], idOf(t)])),
      },
      { credentialIds: withSkills.map((i) => ids_[i]), rows: withSkills.flatMap((i) => [...skills[i]].map(([skillId, level]): [string, string, number] => [ids_[i], skillId, level])) },
      manager,
    );
    await this.checkCycles(ids_, rows, manager);
    const pathways = await this.writePathways(doc, plan, idOf, manager);
    return { credentials: rows.map(toObject), pathways, warnings };
  }

  /** Skills of each draft: competencies by ESCO URI or by name (search), occupations through their essential skills; the highest level per skill. */
  private async skillsFor(doc: CtdlDocument, warnings: string[], manager: EntityManager): Promise<Map<string, number>[]> {
    const uris = [...new Set(doc.credentials.flatMap((d) => d.competencies.map((c) => c.uri).filter((u): u is string => u !== null)))];
    const byUri = new Map((await this.repository.skillsByUri(uris, manager)).map((s) => [s.uri, s.id]));
    const names = [...new Set(doc.credentials.flatMap((d) => d.competencies.filter((c) => !(c.uri && byUri.has(c.uri)) && c.name).map((c) => c.name as string)))];
    const hits = this.taxonomy.search.resolveSkills(names);
    const byName = new Map<string, string>();
    names.forEach((n, i) => {
      const hit = hits[i]?.hit;
      if (hit && hit.score >= ALIGNMENT_NAME_MIN_SCORE) byName.set(n, hit.skillId);
    });
    const occupationKeyList = [...new Set(doc.credentials.flatMap((d) => d.occupations.flatMap(occupationKeys)))];
    const occupationSkills = new Map<string, string[]>();
    for (const r of await this.repository.occupationSkills(occupationKeyList, manager)) {
      const list = occupationSkills.get(r.uri) ?? [];
      list.push(r.skillId);
      occupationSkills.set(r.uri, list);
    }
    return doc.credentials.map((d) => {
      const out = new Map<string, number>();
      const put = (skillId: string, level: number) => out.set(skillId, Math.max(level, out.get(skillId) ?? 0));
      for (const c of d.competencies) {
        const skillId = (c.uri ? byUri.get(c.uri) : undefined) ?? (c.name ? byName.get(c.name) : undefined);
        if (skillId) put(skillId, c.level);
        else warnings.push(`${d.path}: the competency ${c.name ? `"${c.name}"` : c.uri} matches no skill in the taxonomy; it was left out.`);
      }
      for (const o of d.occupations) {
        const key = occupationKeys(o).find((k) => occupationSkills.has(k));
        if (key) for (const skillId of occupationSkills.get(key) as string[]) put(skillId, OCCUPATION_SKILL_LEVEL);
        else warnings.push(`${d.path}: the occupation ${o.name ? `"${o.name}"` : ''}${o.code ?? o.uri ? ` (${o.code ?? o.uri})` : ''} is not in the catalogue (ESCO or O*NET-SOC); it gave no skills.`);
      }
      return out;
    });
  }

  /** A cycle of prerequisites or components through the catalogue (existing credentials included) rolls the import back. */
  private async checkCycles(ids: readonly string[], rows: readonly CtdlCredentialRow[], manager: EntityManager): Promise<void> {
    const next = new Map<string, string[]>();
    for (const [a, b] of await this.repository.allEdges(manager)) {
      const list = next.get(a) ?? [];
      list.push(b);
      next.set(a, list);
    }
    const cycle = findCycle(ids, (id) => next.get(id) ?? []);
    if (!cycle) return;
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const others = await this.repository.credentialsByIds(cycle.filter((id) => !names.has(id)), manager);
    for (const r of others) names.set(r.id, r.name);
    throw new CtdlInputError('document', `would form a cycle of parts and prerequisites with the catalogue: ${cycle.map((id) => `"${names.get(id) ?? id}"`).join(' → ')}`);
  }

  private async writePathways(doc: CtdlDocument, plan: CtdlImportPlan, idOf: (t: Target) => string, manager: EntityManager): Promise<PathwayObject[]> {
    const out: PathwayObject[] = [];
    for (const p of plan.pathways) {
      const draft = doc.pathways[p.index];
      const ctdlId = (draft.ctid ?? draft.iri) as string;
      const steps = p.steps.map(idOf);
      const current = await this.repository.findPathway(ctdlId, manager);
      let saved = current;
      if (!current || current.name !== draft.name) {
        saved = await this.repository.savePathway({ ...(current ?? {}), name: draft.name, ctdlId, candidateId: current?.candidateId ?? null, jobId: current?.jobId ?? null }, manager);
      }
      const pathway = saved as NonNullable<typeof saved>;
      const currentSteps = current ? await this.repository.pathwaySteps(pathway.id, manager) : [];
      if (!current || currentSteps.join() !== steps.join()) await this.repository.replacePathwaySteps(pathway.id, steps, manager);
      out.push({ id: pathway.id, name: pathway.name, candidateId: pathway.candidateId, jobId: pathway.jobId, credentialIds: steps, createdAt: pathway.createdAt, updatedAt: pathway.updatedAt });
    }
    return out;
  }
}
