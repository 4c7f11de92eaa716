import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events.service';
import { SkillSearchIndex } from '../domain/search';
import { SimilarityIndex } from '../domain/taxonomy/similarity';
import { DEFAULT_CATEGORY_HALF_LIFE_MONTHS, SkillGraph } from '../domain/taxonomy/skill-graph';
import { taxonomyVersion } from '../domain/taxonomy/taxonomy-version';
import { TaxonomyRepository } from './taxonomy.repository';

/**
 * The in-memory taxonomy: the skill graph (graphology), its similarity index and the fuzzy search
 * index. Built from the database at boot and kept current by taxonomy events after each commit.
 */
@Injectable()
export class TaxonomyService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Taxonomy');
  private graphValue = new SkillGraph();
  private similarityValue = new SimilarityIndex(this.graphValue);
  private searchValue = new SkillSearchIndex();
  private versionMemo: { graph: SkillGraph; at: number; value: string } | null = null;

  constructor(
    private readonly repository: TaxonomyRepository,
    private readonly events: DomainEvents,
  ) {}

  get graph(): SkillGraph {
    return this.graphValue;
  }

  get similarity(): SimilarityIndex {
    return this.similarityValue;
  }

  /** Effective half-life in months; a skill not (yet) in the graph gets the technical default. */
  halfLifeOf(skillId: string): number {
    return this.graphValue.has(skillId) ? this.graphValue.halfLifeOf(skillId) : DEFAULT_CATEGORY_HALF_LIFE_MONTHS.TECHNICAL;
  }

  /** taxonomyVersion of the graph as it is now, recorded with every audited ranking: computed once per change (about 0.1–0.3 s for ESCO's 14,000 skills), after rebuild and refresh. */
  version(): string {
    const graph = this.graphValue;
    if (this.versionMemo?.graph !== graph || this.versionMemo.at !== graph.version) this.versionMemo = { graph, at: graph.version, value: taxonomyVersion(graph) };
    return this.versionMemo.value;
  }

  get search(): SkillSearchIndex {
    return this.searchValue;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.events.on('taxonomy.changed', ({ skillIds }) => this.refresh(skillIds));
    this.events.on('feed.resync', () => this.rebuild());
    await this.rebuild();
  }

  /** Loads the whole taxonomy from the database. */
  async rebuild(): Promise<void> {
    const started = Date.now();
    const [skills, broader, related] = await Promise.all([this.repository.skills(), this.repository.broader(), this.repository.related()]);
    const graph = SkillGraph.fromTaxonomy({ skills, broader, related }, { skipCycles: true });
    this.graphValue = graph;
    this.similarityValue = new SimilarityIndex(graph);
    this.searchValue = new SkillSearchIndex(skills);
    this.version();
    this.logger.log(`taxonomy loaded in ${Date.now() - started} ms: ${graph.skillCount} skills, ${graph.broaderEdgeCount} broader, ${graph.relatedEdgeCount} related edges`);
  }

  /** Reloads the given skills and their edges after a write. */
  async refresh(skillIds: readonly string[]): Promise<void> {
    if (skillIds.length === 0) return;
    const [skills, broader, related] = await Promise.all([
      this.repository.skills(skillIds),
      this.repository.broader(skillIds),
      this.repository.related(skillIds),
    ]);
    const present = new Set(skills.map((s) => s.id));
    for (const id of skillIds) {
      if (!present.has(id)) {
        this.graphValue.removeSkill(id);
        this.searchValue.remove(id);
      }
    }
    for (const skill of skills) {
      this.graphValue.upsertSkill(skill);
      this.searchValue.upsert(skill);
    }
    for (const skill of skills) {
      this.graphValue.setBroader(skill.id, broader.filter(([child]) => child === skill.id).map(([, parent]) => parent));
    }
    for (const [from, to, weight] of related) this.graphValue.upsertRelated(from, to, weight);
    this.version(); // computed here, after the write, rather than in the next ranking's request
  }
}
