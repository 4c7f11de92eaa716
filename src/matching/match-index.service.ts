import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events.service';
import { DEFAULT_MATCH_CONFIG, MatchConfig } from '../domain/matching/match-config';
import { MatchIndex } from '../domain/matching/match-index';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { MatchEvidenceRepository } from './match-evidence.repository';

/**
 * Every candidate's evidence in memory (the engine's typed-array MatchIndex), built at boot and
 * updated after each committed change to a candidate, their evidence or credentials.
 */
@Injectable()
export class MatchIndexService implements OnApplicationBootstrap {
  /** candidates read per page while building the index at boot */
  static readonly BUILD_PAGE = 5000;
  private readonly logger = new Logger('MatchIndex');
  readonly config: MatchConfig = DEFAULT_MATCH_CONFIG;
  private indexValue: MatchIndex;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly evidence: MatchEvidenceRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly events: DomainEvents,
  ) {
    this.indexValue = this.newIndex();
  }

  get index(): MatchIndex {
    return this.indexValue;
  }

  /** Resolves once every update queued so far is applied (tests and read-your-writes). */
  settled(): Promise<void> {
    return this.pending;
  }

  async onApplicationBootstrap(): Promise<void> {
    // the returned promise rejects when the refresh fails (the change feed then reads the change again)
    const queue = (work: () => Promise<void>): Promise<void> => {
      const run = this.pending.then(work);
      this.pending = run.catch((error: unknown) => this.logger.error(`match index refresh failed: ${String(error)}`));
      return run;
    };
    this.events.on('candidate.changed', ({ candidateIds }) => queue(() => this.refresh(candidateIds)));
    this.events.on('feed.resync', () => queue(() => this.rebuild()));
    await this.rebuild();
  }

  async rebuild(): Promise<void> {
    const started = Date.now();
    const index = this.newIndex();
    for await (const page of this.evidence.loadPages(MatchIndexService.BUILD_PAGE)) for (const c of page) index.upsertCandidate(c.id, c.discoverable, c.evidence);
    index.compact(); // drops the growth slack of the build (about a sixth of the memory at 100,000 candidates)
    this.indexValue = index;
    const stats = index.stats();
    this.logger.log(`match index built in ${Date.now() - started} ms: ${stats.candidates} candidates, ${stats.postings} postings, ${(index.memoryBytes() / 1e6).toFixed(1)} MB`);
  }

  async refresh(candidateIds: readonly string[]): Promise<void> {
    const loaded = await this.evidence.load(candidateIds);
    const present = new Set(loaded.map((c) => c.id));
    for (const id of candidateIds) if (!present.has(id)) this.indexValue.removeCandidate(id);
    for (const c of loaded) this.indexValue.upsertCandidate(c.id, c.discoverable, c.evidence);
  }

  private newIndex(): MatchIndex {
    return new MatchIndex({ halfLife: (skillId) => this.taxonomy.halfLifeOf(skillId), config: this.config });
  }
}
