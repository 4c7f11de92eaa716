import { RenewalCredential, RenewalsInput } from './pathway.types';
import { findRenewals } from './renewals';

const cred = (id: string, hours: number, cost: number, skills: [string, number][], prerequisiteIds: string[] = []): RenewalCredential => ({
  id,
  hours,
  cost,
  prerequisiteIds,
  componentIds: [],
  requiredComponents: null,
  skills: skills.map(([skillId, level]) => ({ skillId, level })),
});

const catalogue: RenewalCredential[] = [
  cred('sql-101', 10, 50, [['sql', 2]]),
  cred('sql-201', 20, 40, [['sql', 3]], ['sql-101']), // 90 with its prerequisite
  cred('sql-cheap', 30, 45, [['sql', 1]]), // level 1 < useful 2: no renewal
  cred('aws-cert', 40, 150, [['aws', 3]]),
  cred('aws-alt', 10, 200, [['aws', 4]]),
  cred('linux', 8, 10, [['linux', 2]]),
  cred('k8s-101', 5, 0, [['k8s', 2]], ['linux']),
];

const asOf = new Date('2026-01-01T00:00:00Z');
const input = (minimize?: 'HOURS' | 'COST'): RenewalsInput => ({
  asOf,
  horizonMonths: 6,
  usefulLevel: 2,
  minimize,
  catalogue,
  held: [
    { credentialId: 'aws-cert', expiresAt: new Date('2026-03-01T00:00:00Z') },
    { credentialId: 'old', expiresAt: new Date('2025-12-01T00:00:00Z') }, // already expired
    { credentialId: 'py-cert', expiresAt: new Date('2027-01-01T00:00:00Z') }, // after the horizon
  ],
  evidence: [
    { skillId: 'py', strengthNow: 3, strengthAtHorizon: 2.5, halfLifeMonths: 30 }, // stays useful
    // 4 -> 2 in one half-life (3 months = 91.310625 days): 2026-04-02T07:27:18Z; at 6 months: 1
    { skillId: 'sql', strengthNow: 4, strengthAtHorizon: 1, halfLifeMonths: 3 },
    { skillId: 'aws', strengthNow: 3, strengthAtHorizon: 2.8, halfLifeMonths: 60, credentialId: 'aws-cert', expiresAt: new Date('2026-03-01T00:00:00Z') },
    { skillId: 'aws', strengthNow: 1.5, strengthAtHorizon: 1.4, halfLifeMonths: 60 },
    { skillId: 'git', strengthNow: 1.5, strengthAtHorizon: 1.2, halfLifeMonths: 30 }, // already below: a gap
    { skillId: 'k8s', strengthNow: 2.5, strengthAtHorizon: 1.5 }, // no half-life: date unknown
    { skillId: 'old', strengthNow: 5, strengthAtHorizon: 5, credentialId: 'old', expiresAt: new Date('2025-12-01T00:00:00Z') }, // expired
  ],
});

describe('findRenewals', () => {
  it('least cost', () => {
    expect(findRenewals(input())).toEqual({
      skills: [
        {
          skillId: 'aws',
          strengthNow: 3,
          strengthAtHorizon: 1.4,
          reason: 'EXPIRY',
          fallsBelowAt: new Date('2026-03-01T00:00:00Z'),
          credentialId: 'aws-cert',
          renewal: { credentialId: 'aws-cert', hours: 40, cost: 150, prerequisitesMissingIds: [] },
        },
        {
          skillId: 'sql',
          strengthNow: 4,
          strengthAtHorizon: 1,
          reason: 'DECAY',
          fallsBelowAt: new Date('2026-04-02T07:27:18.000Z'),
          credentialId: null,
          renewal: { credentialId: 'sql-101', hours: 10, cost: 50, prerequisitesMissingIds: [] },
        },
        {
          skillId: 'k8s',
          strengthNow: 2.5,
          strengthAtHorizon: 1.5,
          reason: 'DECAY',
          fallsBelowAt: null,
          credentialId: null,
          renewal: { credentialId: 'k8s-101', hours: 13, cost: 10, prerequisitesMissingIds: ['linux'] },
        },
      ],
      lapsed: [], // no item carries its fresh strength and date
      credentials: [
        {
          credentialId: 'aws-cert',
          expiresAt: new Date('2026-03-01T00:00:00Z'),
          renewal: { credentialId: 'aws-cert', hours: 40, cost: 150, prerequisitesMissingIds: [] },
        },
      ],
    });
  });

  it.each<[string, string]>([
    ['aws', 'aws-alt'], // 10 h < 40 h
    ['sql', 'sql-101'], // 10 h < sql-201's 30 h
    ['k8s', 'k8s-101'],
  ])('least hours: %s renewed by %s', (skillId, credentialId) => {
    const result = findRenewals(input('HOURS'));
    expect(result.skills.find((s) => s.skillId === skillId)?.renewal?.credentialId).toBe(credentialId);
    expect(result.credentials[0].renewal?.credentialId).toBe('aws-alt');
  });

  it('nothing teaches it: no renewal', () => {
    const result = findRenewals({ ...input(), catalogue: [] });
    expect(result.skills.map((s) => [s.skillId, s.renewal])).toEqual([
      ['aws', null],
      ['sql', null],
      ['k8s', null],
    ]);
    expect(result.credentials).toEqual([{ credentialId: 'aws-cert', expiresAt: new Date('2026-03-01T00:00:00Z'), renewal: null }]);
  });

  it('a held credential is renewed by earning it again, at its own price', () => {
    const base = input();
    const result = findRenewals({ ...base, held: [...base.held, { credentialId: 'sql-201', expiresAt: null }] });
    // sql-201 held: re-earning it costs 40 (its prerequisite was met when it was earned) < sql-101's 50
    expect(result.skills.find((s) => s.skillId === 'sql')?.renewal).toEqual({ credentialId: 'sql-201', hours: 20, cost: 40, prerequisitesMissingIds: [] });
  });

  describe('lapsed within the last horizonMonths', () => {
    const M = 30.436875 * 24 * 60 * 60 * 1000;
    const ago = (months: number): Date => new Date(asOf.getTime() - months * M);
    const lapsedInput: RenewalsInput = {
      asOf,
      horizonMonths: 6,
      usefulLevel: 2,
      catalogue,
      held: [],
      evidence: [
        // fresh 4, 10 months old, half-life 6: below 2 since 4 months (4 → 2 in one half-life); at the window's start 4 × 0.5^(4/6)
        { skillId: 'sql', strengthNow: 4 * 0.5 ** (10 / 6), strengthAtHorizon: 0, halfLifeMonths: 6, freshStrength: 4, evidencedAt: ago(10) },
        // still useful by decay, but its credential expired a month ago
        { skillId: 'aws', strengthNow: 3 * 0.5 ** (12 / 60), strengthAtHorizon: 0, halfLifeMonths: 60, freshStrength: 3, evidencedAt: ago(12), credentialId: 'aws-cert', expiresAt: ago(1) },
        // never useful (1.5 < 2)
        { skillId: 'git', strengthNow: 1.5, strengthAtHorizon: 1.4, halfLifeMonths: 30, freshStrength: 1.5, evidencedAt: ago(1) },
        // fell below long before the window (3 → 2 after 7 months, 5 years ago)
        { skillId: 'linux', strengthNow: 3 * 0.5 ** 5, strengthAtHorizon: 0, halfLifeMonths: 12, freshStrength: 3, evidencedAt: ago(60) },
        // useful now
        { skillId: 'py', strengthNow: 2.9, strengthAtHorizon: 2.5, halfLifeMonths: 30, freshStrength: 3, evidencedAt: ago(1) },
        // dated after asOf: does not exist yet
        { skillId: 'k8s', strengthNow: 0, strengthAtHorizon: 0, halfLifeMonths: 30, freshStrength: 5, evidencedAt: new Date(asOf.getTime() + M) },
      ],
    };

    it('lists skills useful in the window and below now, most recently lapsed first, with the credential that renews them', () => {
      const { lapsed } = findRenewals(lapsedInput);
      expect(lapsed.map((l) => l.skillId)).toEqual(['aws', 'sql']);
      expect(lapsed[0]).toEqual({
        skillId: 'aws',
        strengthThen: expect.closeTo(3 * 0.5 ** (6 / 60), 12),
        strengthNow: 0,
        reason: 'EXPIRY',
        fellBelowAt: ago(1),
        credentialId: 'aws-cert',
        renewal: { credentialId: 'aws-cert', hours: 40, cost: 150, prerequisitesMissingIds: [] },
      });
      expect(lapsed[1]).toMatchObject({ skillId: 'sql', reason: 'DECAY', credentialId: null, renewal: { credentialId: 'sql-101', cost: 50 } });
      expect(lapsed[1].strengthThen).toBeCloseTo(4 * 0.5 ** (4 / 6), 12);
      expect(lapsed[1].strengthNow).toBeCloseTo(4 * 0.5 ** (10 / 6), 12);
      expect(Math.abs(lapsed[1].fellBelowAt!.getTime() - ago(4).getTime())).toBeLessThan(2);
    });

    it('a longer horizon reaches further back; without a half-life when it lapsed cannot be told: not listed', () => {
      expect(findRenewals({ ...lapsedInput, horizonMonths: 120 }).lapsed.map((l) => l.skillId)).toEqual(['aws', 'sql', 'linux']);
      const noHalfLife = findRenewals({ ...lapsedInput, evidence: [{ ...lapsedInput.evidence[0], halfLifeMonths: null }] }).lapsed;
      expect(noHalfLife).toEqual([]);
    });
  });
});
