import { SkillGraph, TaxonomyInput } from './skill-graph';
import { taxonomyVersion } from './taxonomy-version';

const base: TaxonomyInput = {
  skills: [
    { id: 'a', category: 'TECHNICAL', halfLifeMonths: null },
    { id: 'b', category: 'TECHNICAL', halfLifeMonths: 12 },
    { id: 'c', category: 'DURABLE', halfLifeMonths: null },
  ],
  broader: [['b', 'a']],
  related: [['b', 'c', 0.5]],
};
const version = (input: TaxonomyInput, options = {}) => taxonomyVersion(SkillGraph.fromTaxonomy(input, options));

describe('taxonomyVersion', () => {
  const v0 = version(base);

  it('is 16 hex characters and the same for the same taxonomy in any insertion order', () => {
    expect(v0).toMatch(/^[0-9a-f]{16}$/);
    expect(version({ ...base, skills: [...base.skills].reverse() })).toBe(v0);
  });

  it.each([
    ['a category', { ...base, skills: [base.skills[0], base.skills[1], { ...base.skills[2], category: 'TECHNICAL' as const }] }],
    ['a half-life override', { ...base, skills: [base.skills[0], { ...base.skills[1], halfLifeMonths: 13 }, base.skills[2]] }],
    ['a related weight', { ...base, related: [['b', 'c', 0.6] as const] }],
    ['a broader edge', { ...base, broader: [['c', 'a'] as const] }],
    ['a new skill', { ...base, skills: [...base.skills, { id: 'd', category: 'TECHNICAL' as const, halfLifeMonths: null }] }],
  ])('changes with %s', (_what, input) => {
    expect(version(input)).not.toBe(v0);
  });

  it('changes with the category default half-lives (they decay the evidence)', () => {
    expect(version(base, { categoryHalfLifeMonths: { TECHNICAL: 31 } })).not.toBe(v0);
  });

  it('ignores the direction a related edge is stored in (similarity walks both)', () => {
    expect(version({ ...base, related: [['c', 'b', 0.5]] })).toBe(v0);
  });

  it('follows incremental updates: the same graph built by mutation has the same version', () => {
    const g = SkillGraph.fromTaxonomy({ skills: base.skills, broader: [], related: [] });
    g.setBroader('b', ['a']);
    g.upsertRelated('b', 'c', 0.5);
    expect(taxonomyVersion(g)).toBe(v0);
  });
});
