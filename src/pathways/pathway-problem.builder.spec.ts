import { DEFAULT_MATCH_CONFIG } from '../domain/matching/match-config';
import { SimilarityEntry, SimilarityLookup } from '../domain/taxonomy/similarity';
import {
  CatalogueCredential,
  PathwayCatalogue,
  buildPathwayProblem,
  contributionsFor,
  heldCredentialIds,
  isHeldAt,
  pathwayProgress,
  renewalEvidence,
  renewalHeld,
} from './pathway-problem.builder';

/** x is narrower than X (sim 0.8), y is related to Y (sim 0.5); everything else only matches itself. */
const similarity: SimilarityLookup = {
  similarTo(required: string): ReadonlyMap<string, SimilarityEntry> {
    const m = new Map<string, SimilarityEntry>([[required, { sim: 1, via: 'EXACT' }]]);
    if (required === 'X') m.set('x', { sim: 0.8, via: 'NARROWER' });
    if (required === 'Y') m.set('y', { sim: 0.5, via: 'RELATED' });
    return m;
  },
};

const cred = (id: string, skills: [string, number][], extra: Partial<CatalogueCredential> = {}): CatalogueCredential => ({
  id,
  name: `Credential ${id}`,
  hours: 10,
  cost: 100,
  prerequisiteIds: [],
  componentIds: [],
  requiredComponents: null,
  skills: skills.map(([skillId, level]) => ({ skillId, level })),
  ...extra,
});

const catalogue = new PathwayCatalogue([
  cred('a', [['X', 2]]), // X: 2/4
  cred('b', [['x', 5], ['X', 1]]), // X: max(0.8·min(1, 5/4) = 0.8, 1/4) -> 0.8: a neighbour never covers more than its similarity
  cred('c', [['y', 4]]), // Y: 0.5·min(1, 4/2) = 0.5
  cred('d', [['y', 2], ['Z', 3]]), // Y: 0.5·min(1, 2/2) = 0.5; Z not required
  cred('e', []),
]);
const requirements = [
  { id: 'rX', skillId: 'X', level: 4, weight: 2, mandatory: false },
  { id: 'rY', skillId: 'Y', level: 2, weight: 1, mandatory: false },
];

describe('contributionsFor', () => {
  it('takes, per credential and requirement, the max over its skills of sim · min(1, level / required level)', () => {
    const got = contributionsFor(requirements, catalogue, similarity);
    expect(Object.fromEntries([...got].map(([id, list]) => [id, list]))).toEqual({
      a: [{ requirementId: 'rX', coverage: 0.5 }],
      b: [{ requirementId: 'rX', coverage: 0.8 }],
      c: [{ requirementId: 'rY', coverage: 0.5 }],
      d: [{ requirementId: 'rY', coverage: 0.5 }],
    });
  });
});

describe('held credentials', () => {
  const asOf = new Date('2025-06-01T00:00:00Z');
  const row = (credentialId: string, over: Partial<Parameters<typeof isHeldAt>[0]> = {}) => ({
    credentialId,
    issuedAt: new Date('2025-01-01T00:00:00Z'),
    expiresAt: null,
    verification: 'VERIFIED' as const,
    ...over,
  });

  it('counts verified and unverified credentials issued by asOf and not expired (expiry on the instant)', () => {
    expect(isHeldAt(row('a'), asOf)).toBe(true);
    expect(isHeldAt(row('a', { verification: 'UNVERIFIED' }), asOf)).toBe(true);
    expect(isHeldAt(row('a', { verification: 'FAILED' }), asOf)).toBe(false);
    expect(isHeldAt(row('a', { verification: 'REVOKED' }), asOf)).toBe(false);
    expect(isHeldAt(row('a', { expiresAt: asOf }), asOf)).toBe(false);
    expect(isHeldAt(row('a', { expiresAt: new Date(asOf.getTime() + 1) }), asOf)).toBe(true);
    expect(isHeldAt(row('a', { issuedAt: new Date(asOf.getTime() + 1) }), asOf)).toBe(false);
    expect(heldCredentialIds([row('a'), row('b', { verification: 'REVOKED' }), row('a')], asOf)).toEqual(['a']);
  });

  it('keeps expired credentials for the renewals engine (it drops them itself) but not void or future ones', () => {
    const held = renewalHeld([row('a', { expiresAt: asOf }), row('b', { verification: 'FAILED' }), row('c', { issuedAt: new Date('2026-01-01T00:00:00Z') })], asOf);
    expect(held).toEqual([{ credentialId: 'a', expiresAt: asOf }]);
  });
});

describe('buildPathwayProblem', () => {
  it('takes the current coverage from the matching engine and lists the whole catalogue', () => {
    const asOf = new Date('2025-01-01T00:00:00Z');
    const problem = buildPathwayProblem({
      requirements,
      candidate: {
        id: 'k',
        evidence: [{ id: 'e1', skillId: 'X', level: 2, evidencedAt: asOf, source: 'ASSESSMENT', credentialId: 'a', expiresAt: null }],
      },
      earned: [{ credentialId: 'a', issuedAt: asOf, expiresAt: null, verification: 'VERIFIED' }],
      catalogue,
      similarity,
      halfLife: () => 30,
      config: DEFAULT_MATCH_CONFIG,
      asOf,
    });
    expect(problem.requirements).toEqual([
      { id: 'rX', weight: 2, currentCoverage: 0.5 },
      { id: 'rY', weight: 1, currentCoverage: 0 },
    ]);
    expect(problem.credentials.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(problem.credentials[4].contributions).toEqual([]);
    expect(problem.heldCredentialIds).toEqual(['a']);
  });

  it('starts from nothing without a candidate', () => {
    const problem = buildPathwayProblem({
      requirements,
      candidate: null,
      earned: [],
      catalogue,
      similarity,
      halfLife: () => 30,
      config: DEFAULT_MATCH_CONFIG,
      asOf: new Date(),
    });
    expect(problem.requirements.map((r) => r.currentCoverage)).toEqual([0, 0]);
    expect(problem.heldCredentialIds).toEqual([]);
  });
});

describe('renewalEvidence', () => {
  it('gives strength now and at the horizon end by decay alone, and nothing for evidence after asOf', () => {
    const asOf = new Date('2025-01-01T00:00:00Z');
    const halfLife = 365 / 30.436875; // one year
    const got = renewalEvidence(
      [
        { id: 'e1', skillId: 'X', level: 4, evidencedAt: asOf, source: 'ASSESSMENT', expiresAt: new Date('2025-06-01T00:00:00Z'), credentialId: 'a' },
        { id: 'e2', skillId: 'X', level: 5, evidencedAt: new Date('2025-02-01T00:00:00Z'), source: 'ASSESSMENT' },
        { id: 'e3', skillId: 'Y', level: 5, evidencedAt: asOf, source: 'SELF_REPORTED' },
      ],
      () => halfLife,
      DEFAULT_MATCH_CONFIG,
      asOf,
      12,
    );
    expect(got[0]).toMatchObject({ skillId: 'X', strengthNow: 4, credentialId: 'a', halfLifeMonths: halfLife });
    expect(got[0].strengthAtHorizon).toBeCloseTo(4 * Math.pow(0.5, (12 * 30.436875) / 365), 12);
    expect(got[0].expiresAt?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(got[1]).toMatchObject({ strengthNow: 0, strengthAtHorizon: 0 });
    expect(got[2].strengthNow).toBeCloseTo(3, 12); // SELF_REPORTED confidence 0.6
  });
});

describe('pathwayProgress', () => {
  it("is the held share of the steps' hours, the held share of steps without hours, 0 without steps", () => {
    const held = new Set(['a']);
    expect(pathwayProgress([{ credentialId: 'a', hours: 10 }, { credentialId: 'b', hours: 30 }], held)).toBe(0.25);
    expect(pathwayProgress([{ credentialId: 'a', hours: 0 }, { credentialId: 'b', hours: 0 }], held)).toBe(0.5);
    expect(pathwayProgress([], held)).toBe(0);
  });
});
