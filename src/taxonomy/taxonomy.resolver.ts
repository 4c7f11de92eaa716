import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppException } from '../common/errors/app.exception';
import { GraphqlContext } from '../common/graphql-context';
import { isUuid } from '../common/loaders/group-by';
import { JobObject } from '../jobs/job.object';
import { JobService } from '../jobs/job.service';
import { SKILL_BY_ID } from '../skills/skill.loaders';
import { SkillObject } from '../skills/skill.object';
import { SkillHitObject } from './skill-hit.object';
import { SkillNeighborhoodObject } from './skill-neighborhood.object';
import { SkillResolutionObject } from './skill-resolution.object';
import { TaxonomyService } from './taxonomy.service';

export const MAX_QUERY_LENGTH = 200;
export const MAX_TEXT_LENGTH = 20000;
export const MAX_RESOLVE_TEXTS = 200;
/** Extracted skills at or above this confidence become proposed requirements. */
export const PROPOSAL_MIN_CONFIDENCE = 0.8;

function checkQuery(query: string, field = 'query'): string {
  if (query.trim().length === 0) throw AppException.badInput(field, `${field} must not be empty`);
  if (query.length > MAX_QUERY_LENGTH) throw AppException.badInput(field, `${field} must be at most ${MAX_QUERY_LENGTH} characters`);
  return query;
}

function checkText(text: string, field: string): string {
  if (text.length > MAX_TEXT_LENGTH) throw AppException.badInput(field, `${field} must be at most ${MAX_TEXT_LENGTH} characters`);
  return text;
}

@Resolver()
export class TaxonomyResolver {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly jobs: JobService,
  ) {}

  private async withSkills<T extends { skillId: string }>(ctx: GraphqlContext, hits: readonly T[]): Promise<(T & { skill: SkillObject })[]> {
    const skills = await ctx.loaders.get(SKILL_BY_ID).loadMany(hits.map((h) => h.skillId));
    return hits.flatMap((hit, i) => {
      const skill = skills[i];
      return skill && !(skill instanceof Error) ? [{ ...hit, skill }] : [];
    });
  }

  @Query(() => [SkillHitObject], { description: 'Typo-tolerant search over skill names and aliases: exact first (score 1), then prefix, then fuzzy' })
  async searchSkills(
    @Args('query') query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
    @Context() ctx: GraphqlContext,
  ): Promise<SkillHitObject[]> {
    checkQuery(query);
    if (!Number.isInteger(first) || first < 1 || first > 100) throw AppException.badInput('first', 'first must be between 1 and 100');
    return this.withSkills(ctx, this.taxonomy.search.searchSkills(query, first));
  }

  @Query(() => [SkillResolutionObject], { description: 'Normalises free-text skills in one call: the best hit for each, or null' })
  async resolveSkills(@Args('texts', { type: () => [String] }) texts: string[], @Context() ctx: GraphqlContext): Promise<SkillResolutionObject[]> {
    if (texts.length > MAX_RESOLVE_TEXTS) throw AppException.badInput('texts', `texts may hold at most ${MAX_RESOLVE_TEXTS} entries`);
    texts.forEach((t, i) => checkQuery(t, `texts[${i}]`));
    const resolutions = this.taxonomy.search.resolveSkills(texts);
    const hits = await this.withSkills(ctx, resolutions.flatMap((r) => (r.hit ? [r.hit] : [])));
    const bySkill = new Map(hits.map((h) => [h.skillId, h]));
    return resolutions.map((r) => ({ text: r.input, hit: r.hit ? (bySkill.get(r.hit.skillId) ?? null) : null }));
  }

  @Query(() => [SkillHitObject], { description: 'skills mentioned in free text, e.g. a job posting' })
  async extractSkills(@Args('text') text: string, @Context() ctx: GraphqlContext): Promise<SkillHitObject[]> {
    checkText(text, 'text');
    const extracted = this.taxonomy.search.extractSkills(text);
    return (await this.withSkills(ctx, extracted)).map((e) => ({ skill: e.skill, score: e.confidence, matchedText: e.matchedText, start: e.start, end: e.end }));
  }

  @Query(() => SkillNeighborhoodObject, { description: 'The skills within `depth` hops (1 to 3) and the edges among them, for drawing' })
  async skillNeighborhood(
    @Args('id', { type: () => ID }) id: string,
    @Args('depth', { type: () => Int, nullable: true, defaultValue: 1 }) depth: number,
    @Context() ctx: GraphqlContext,
  ): Promise<SkillNeighborhoodObject> {
    if (!Number.isInteger(depth) || depth < 0 || depth > 3) throw AppException.badInput('depth', 'depth must be between 0 and 3');
    if (!isUuid(id) || !this.taxonomy.graph.has(id)) throw AppException.notFound('Skill', id, 'id');
    const hood = this.taxonomy.graph.neighborhood(id, depth);
    const nodes = await this.withSkills(ctx, hood.nodes.map((n) => ({ skillId: n.id, distance: n.distance })));
    return {
      nodes: nodes.map((n) => ({ skill: n.skill, distance: n.distance })),
      edges: hood.edges.map((e) => ({ fromId: e.from, toId: e.to, type: e.type, weight: e.weight })),
    };
  }

  @Mutation(() => JobObject, { description: 'A job whose requirements are the skills found in the text (level 3, weight 1), for the recruiter to edit' })
  async createJobFromText(@Args('title') title: string, @Args('text') text: string, @Context() ctx: GraphqlContext): Promise<JobObject> {
    if (title.trim().length === 0 || title.length > 300) throw AppException.badInput('title', 'title must be 1 to 300 characters and not blank');
    checkText(text, 'text');
    const extracted = this.taxonomy.search.extractSkills(text).filter((e) => e.confidence >= PROPOSAL_MIN_CONFIDENCE);
    if (extracted.length === 0) throw AppException.badInput('text', 'No skills were recognised in the text');
    return this.jobs.create(
      {
      title,
      description: text,
      requirements: extracted.slice(0, 100).map((e) => ({ skillId: e.skillId, level: 3, weight: 1, mandatory: false })),
      },
      ctx.principal.sub,
    );
  }
}
