import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '../common/events/domain-events.service';
import { groupRows } from '../common/loaders/group-by';
import { CredentialRepository } from '../credentials/credential.repository';
import { PathwayCatalogue } from './pathway-problem.builder';

/**
 * The whole credential catalogue (credentials, skills, prerequisites, components) in memory,
 * loaded in bulk on first use and dropped after every committed catalogue change
 * ('credentials.changed'); the next use loads it again.
 */
@Injectable()
export class PathwayCatalogueService implements OnModuleInit {
  private cached: Promise<PathwayCatalogue> | null = null;

  constructor(
    private readonly credentials: CredentialRepository,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('credentials.changed', () => this.invalidate());
    this.events.on('feed.resync', () => this.invalidate());
  }

  invalidate(): void {
    this.cached = null;
  }

  /** The cached catalogue (loaded outside any transaction: never call it inside one on PGlite). */
  get(): Promise<PathwayCatalogue> {
    if (!this.cached) {
      const loading = this.load().catch((error: unknown) => {
        if (this.cached === loading) this.cached = null;
        throw error;
      });
      this.cached = loading;
    }
    return this.cached;
  }

  /** A fresh catalogue read through `manager` (e.g. inside a transaction); not cached. */
  async load(manager?: EntityManager): Promise<PathwayCatalogue> {
    const rows = await this.credentials.findAll(manager);
    const ids = rows.map((c) => c.id);
    if (ids.length === 0) return new PathwayCatalogue([]);
    const skills = await this.credentials.skillsOf(ids, manager);
    const prerequisites = await this.credentials.prerequisitesOf(ids, manager);
    const components = await this.credentials.componentsOf(ids, manager);
    const skillsBy = groupRows(ids, skills, (r) => r.credentialId);
    const prerequisitesBy = groupRows(ids, prerequisites, (r) => r.credentialId);
    const componentsBy = groupRows(ids, components, (r) => r.credentialId);
    return new PathwayCatalogue(
      rows.map((c, i) => ({
        id: c.id,
        name: c.name,
        hours: c.hours,
        cost: c.cost,
        requiredComponents: c.requiredComponents,
        skills: skillsBy[i].map((s) => ({ skillId: s.skillId, level: s.level })),
        prerequisiteIds: prerequisitesBy[i].map((p) => p.prerequisiteId).sort(),
        componentIds: componentsBy[i].map((m) => m.componentId).sort(),
      })),
    );
  }
}
