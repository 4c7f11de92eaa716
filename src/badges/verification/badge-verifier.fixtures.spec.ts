import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_ROOT, fixtureJson, readFixture, tamperSubject, trustListStore } from '../../../test/fixtures/open-badges/helpers';
import { BadgeVerifier } from './badge-verifier';
import { BadgeInputError } from './badge-input.error';
import type { BadgeVerificationResult, CheckOutcome } from './types';

// Fixed clock: after every fixture's issuance (the latest validFrom is 2026-01-23), before 2056.
const NOW = new Date('2026-06-01T00:00:00Z');
// The fixtures are signed by did:key issuers: intact, but anyone can make a did:key. With their issuers on
// the ADMIN's trust list they are VERIFIED (`verifier`); without (`untrusted`) UNVERIFIED.
const verifier = new BadgeVerifier({ now: () => NOW, trustedKeys: trustListStore((id) => id.startsWith('did:key:')) });
const untrusted = new BadgeVerifier({ now: () => NOW });

function check(r: BadgeVerificationResult, name: string): { outcome: CheckOutcome; detail?: string } {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} check in ${JSON.stringify(r.checks)}`);
  return c;
}

async function one(rel: string): Promise<BadgeVerificationResult> {
  const results = await verifier.verify(readFixture(rel), {});
  expect(results).toHaveLength(1);
  return results[0];
}

/**
 * Every file of the fixture set, with what we expect offline.
 * 'status' = credential-status outcome: the status lists of these fixtures live on the web, so a
 * "revokedStatus" fixture can only be reported UNKNOWN here (never PASS, never REVOKED).
 */
type Expect = { status: 'VERIFIED' | 'FAILED'; window?: 'PASS' | 'FAIL' | 'SKIPPED'; credStatus?: CheckOutcome; proofs?: number };
const OB3: Record<string, Expect> = {
  'v1/bothSignatureTypes/didKey/noRegistry-noStatus-noExpiry.json': { status: 'VERIFIED', proofs: 2 },
  'v1/bothSignatureTypes/didKey/mixedRegistry-validStatus-noExpiry.json': { status: 'VERIFIED', credStatus: 'UNKNOWN', proofs: 2 },
  'v1/bothSignatureTypes/didKey/fourRegistry-noStatus-noExpiry.json': { status: 'VERIFIED', proofs: 2 },
  'v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry-basicOBv3.json': { status: 'VERIFIED', proofs: 2 },
  'v1/bothSignatureTypes/didKey/oidf-noStatus-noExpiry.json': { status: 'VERIFIED', proofs: 2 },
  'v1/bothSignatureTypes/didKey/oidf-revokedStatus-expired.json': { status: 'VERIFIED', window: 'FAIL', credStatus: 'UNKNOWN', proofs: 2 },
  'v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry.json': { status: 'VERIFIED', proofs: 2 },
  'v1/bothSignatureTypes/didKey/oidf-noStatus-expired.json': { status: 'VERIFIED', window: 'FAIL', proofs: 2 },
  'v1/dataIntegrityProof/didKey/noRegistry-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/dataIntegrityProof/didKey/mixedRegistry-validStatus-noExpiry.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v1/dataIntegrityProof/didKey/fourRegistry-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json': { status: 'VERIFIED' },
  'v1/dataIntegrityProof/didKey/oidf-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/dataIntegrityProof/didKey/oidf-revokedStatus-expired.json': { status: 'VERIFIED', window: 'FAIL', credStatus: 'UNKNOWN' },
  'v1/dataIntegrityProof/didKey/legacy-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/dataIntegrityProof/didKey/oidf-noStatus-expired.json': { status: 'VERIFIED', window: 'FAIL' },
  'v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/ed25519/didKey/mixedRegistry-validStatus-noExpiry.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v1/ed25519/didKey/fourRegistry-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/ed25519/didKey/legacyRegistry-noStatus-noExpiry-issuerImageId.json': { status: 'VERIFIED' },
  'v1/ed25519/didKey/oidf-noStatus-noExpiry.json': { status: 'VERIFIED' },
  'v1/ed25519/didKey/legacy-noStatus-expired.json': { status: 'VERIFIED', window: 'FAIL' },
  'v1/ed25519/didKey/legacy-noStatus-noExpiry-stringIssuerId.json': { status: 'VERIFIED' },
  'v1/ed25519/didKey/oidf-revokedStatus-expired.json': { status: 'VERIFIED', window: 'FAIL', credStatus: 'UNKNOWN' },
  'v1/ed25519/didKey/oidf-noStatus-expired.json': { status: 'VERIFIED', window: 'FAIL' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credName.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-notExpired-withSchema.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-notYetValid.json': { status: 'VERIFIED', window: 'FAIL' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/noRegistry-revokedStatus-noExpiry.json': { status: 'VERIFIED', window: 'FAIL', credStatus: 'UNKNOWN' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus--noExpiry-credSubjName.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credSubjName.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json': { status: 'VERIFIED' },
  'v2/dataIntegrityProof/didKey/oidf-revokedStatus-noExpiry.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v2/dataIntegrityProof/didKey/noRegsitry-revokedStatus-notExpired.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v2/dataIntegrityProof/didKey/twoOIDF-validStatus-expired.json': { status: 'VERIFIED', window: 'FAIL', credStatus: 'UNKNOWN' },
  'v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-achievementTypeExample.json': { status: 'VERIFIED' },
  'v2/ed25519/didKey/legacy-noStatus-noExpiry-lcwExperience.json': { status: 'VERIFIED' },
  'v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v2/ed25519/didKey/noRegistry-revokedStatus-expired.json': { status: 'VERIFIED', window: 'FAIL', credStatus: 'UNKNOWN' },
  'v2/ed25519/didKey/legacy-noStatus-expired.json': { status: 'VERIFIED', window: 'FAIL' },
  'v2/ed25519/didKey/oidf-revokedStatus-noExpiry.json': { status: 'VERIFIED', credStatus: 'UNKNOWN' },
  'v2/ed25519/didKey/legacy-noStatus-noExpiry-stringIssuerId.json': { status: 'VERIFIED' },
  'v2/ed25519/didKey/legacy-noStatus-noExpiry.json': { status: 'VERIFIED' },
  // shipped already tampered (achievement name changed after signing)
  'v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json': { status: 'FAILED' },
};

/** Plain 'VerifiableCredential's (not Open Badges): rejected as an unknown credential type. */
const NOT_OPEN_BADGES = [
  'v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-oldDCCExample.json',
  'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json',
  'v2/ed25519/didKey/legacy-expiredStatus-noExpiry.json',
  'v2/ed25519/didKey/legacy-missingTypeStatus-noExpiry.json',
  'v2/ed25519/didKey/legacy-notYetValidStatus-noExpiry.json',
  'v2/ed25519/didKey/legacy-tamperedStatus-noExpiry.json',
];
/** Zero-byte file in the fixture set. */
const EMPTY = 'v1/ed25519/didKey/legacy-noStatus-noExpiry.json';

describe('BadgeVerifier on the dcc-vc-test-fixtures credentials (offline)', () => {
  it('covers every fixture file', () => {
    const all = ['v1', 'v2'].flatMap((v) =>
      readdirSync(join(FIXTURE_ROOT, v)).flatMap((suite) =>
        readdirSync(join(FIXTURE_ROOT, v, suite, 'didKey')).map((f) => `${v}/${suite}/didKey/${f}`),
      ),
    );
    expect([...Object.keys(OB3), ...NOT_OPEN_BADGES, EMPTY].sort()).toEqual(all.sort());
  });

  it.each(Object.entries(OB3))('%s', async (rel, exp) => {
    const r = await one(rel);
    expect(r.format).toBe('OB3_JSONLD');
    expect(r.status).toBe(exp.status);
    const proofs = r.checks.filter((c) => c.name === 'proof');
    expect(proofs).toHaveLength(exp.proofs ?? 1);
    expect(proofs.every((p) => p.outcome === (exp.status === 'VERIFIED' ? 'PASS' : 'FAIL'))).toBe(true);
    expect(check(r, 'context').outcome).toBe('PASS');
    expect(check(r, 'validity-window').outcome).toBe(exp.window ?? 'PASS');
    if (exp.status === 'VERIFIED') {
      expect(check(r, 'credential-status').outcome).toBe(exp.credStatus ?? 'SKIPPED');
    }
    expect(r.issuer.id).toMatch(/^did:key:z6Mk/u);
    expect(r.achievement.name.length).toBeGreaterThan(0);
    expect(r.checks.find((c) => c.name === 'issuer-trust')?.outcome).toBe(exp.status === 'VERIFIED' ? 'PASS' : 'SKIPPED');
    // not on the trust list: the same proof is only intact
    const [u] = await untrusted.verify(readFixture(rel), {});
    expect(u.status).toBe(exp.status === 'VERIFIED' ? 'UNVERIFIED' : 'FAILED');
    expect(u.checks.filter((c) => c.name === 'proof').map((c) => c.outcome)).toEqual(proofs.map((c) => c.outcome));
    if (exp.status === 'VERIFIED') expect(u.checks.find((c) => c.name === 'issuer-trust')).toMatchObject({ outcome: 'FAIL', detail: expect.stringContaining('self-made') as unknown });
    expect(r.credentialHash).toMatch(/^[0-9a-f]{64}$/u);
  });

  it.each(NOT_OPEN_BADGES)('%s is not an Open Badge: BadgeInputError', async (rel) => {
    await expect(verifier.verify(readFixture(rel), {})).rejects.toMatchObject({ name: 'BadgeInputError', code: 'UNKNOWN_CREDENTIAL_TYPE' });
  });

  it('the empty fixture file is refused as neither JSON nor JWT', async () => {
    await expect(verifier.verify(readFixture(EMPTY), {})).rejects.toBeInstanceOf(BadgeInputError);
    await expect(verifier.verify(readFixture(EMPTY), {})).rejects.toMatchObject({ code: 'NOT_JSON_OR_JWT' });
  });

  describe('tampered copies (one character changed in credentialSubject) fail', () => {
    const samples = [
      'v1/dataIntegrityProof/didKey/legacy-noStatus-noExpiry.json',
      'v1/ed25519/didKey/oidf-noStatus-noExpiry.json',
      'v1/bothSignatureTypes/didKey/noRegistry-noStatus-noExpiry.json',
      'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json',
      'v2/ed25519/didKey/legacy-noStatus-noExpiry.json',
      'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus--noExpiry-credSubjName.json',
    ];
    it.each(samples)('%s', async (rel) => {
      const original = fixtureJson(rel);
      const tampered = tamperSubject(original);
      expect(JSON.stringify(tampered)).not.toBe(JSON.stringify(original));
      const [r] = await verifier.verify(JSON.stringify(tampered), {});
      expect(r.status).toBe('FAILED');
      const proofs = r.checks.filter((c) => c.name === 'proof');
      expect(proofs.length).toBeGreaterThan(0);
      expect(proofs.every((p) => p.outcome === 'FAIL')).toBe(true);
      expect(check(r, 'credential-status')).toMatchObject({ outcome: 'SKIPPED' });
    });

    it('a changed issuer name fails too', async () => {
      const c = fixtureJson('v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json');
      c.issuer.name = `${c.issuer.name as string}.`;
      const [r] = await verifier.verify(JSON.stringify(c), {});
      expect(r.status).toBe('FAILED');
    });
  });

  it('reports expiry in the checks and in expiresAt, keeping VERIFIED', async () => {
    const r = await one('v2/ed25519/didKey/legacy-noStatus-expired.json');
    expect(r.status).toBe('VERIFIED');
    expect(r.expiresAt).toEqual(new Date('2011-01-01T00:00:00Z'));
    expect(r.issuedAt).toEqual(new Date('2010-01-01T00:00:00Z'));
    expect(check(r, 'validity-window')).toEqual({ name: 'validity-window', outcome: 'FAIL', detail: 'expired: valid until 2011-01-01T00:00:00.000Z' });
  });

  it('reports VC 1.1 expirationDate the same way', async () => {
    const r = await one('v1/ed25519/didKey/legacy-noStatus-expired.json');
    expect(r.expiresAt).toEqual(new Date('2025-01-09T16:23:24Z'));
    expect(check(r, 'validity-window').detail).toMatch(/^expired/u);
  });

  it('reports not-yet-valid credentials', async () => {
    const r = await one('v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-notYetValid.json');
    expect(r.status).toBe('VERIFIED');
    expect(r.issuedAt).toEqual(new Date('2099-01-01T00:00:00Z'));
    expect(check(r, 'validity-window').detail).toBe('not yet valid: valid from 2099-01-01T00:00:00.000Z');
  });

  it('reports a status list that cannot be fetched offline as UNKNOWN, not pass or fail', async () => {
    const r = await one('v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json');
    expect(r.status).toBe('VERIFIED');
    const st = check(r, 'credential-status');
    expect(st.outcome).toBe('UNKNOWN');
    expect(st.detail).toContain('not fetched offline');
  });

  it('extracts issuer, achievement and alignments', async () => {
    const r = await one('v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json');
    expect(r.issuer).toEqual({ id: 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q', name: 'Example University' });
    expect(r.credentialId).toBe('http://example.edu/credentials/3732');
    expect(r.achievement).toMatchObject({
      id: 'https://1edtech.edu/achievements/1',
      name: 'Text analysis',
      description: 'Analyze a sample text',
      criteria: expect.stringMatching(/^Cite strong and thorough textual evidence/u) as unknown,
    });
    expect(r.achievement.alignments).toEqual([
      {
        targetCode: 'ce-cf4dee18-7cea-443a-b920-158a0762c6bf',
        targetFramework: 'Edmonds College Course Catalog',
        targetName: 'Requirements Analysis',
        targetUrl: 'https://credentialfinder.org/credential/20229/Requirements_Analysis',
      },
      {
        targetName: 'Requirements Analysis',
        targetUrl: 'https://credentialfinder.org/credential/20229/Requirements_Analysis',
        targetDescription: 'This is a description',
      },
    ]);
    expect(r.subject).toEqual({ id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' });
  });

  it('extracts achievementType and field of study (VC 1.1, issuanceDate)', async () => {
    const r = await one('v1/bothSignatureTypes/didKey/mixedRegistry-validStatus-noExpiry.json');
    expect(r.achievement).toMatchObject({ type: 'BachelorDegree', fieldOfStudy: 'Biology', name: 'Mock Bachelor of Science in Biology' });
    expect(r.issuer.name).toBe('Massachusetts Institute of Technology');
    expect(r.issuedAt).toEqual(new Date('2025-01-09T15:06:31Z'));
    expect(r.expiresAt).toBeNull();
    expect(r.subject.name).toBe('Taylor Tuna');
  });

  it('leaves a non-email identifier alone (identity type "name")', async () => {
    const r = await verifier.verify(readFixture('v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json'), { recipientEmail: 'someone@example.org' });
    expect(r[0].status).toBe('VERIFIED');
    expect(check(r[0], 'recipient-identity')).toMatchObject({ outcome: 'SKIPPED', detail: expect.stringContaining('name') as unknown });
  });

  it('hashes the canonical input: formatting and key order do not change credentialHash', async () => {
    const rel = 'v2/ed25519/didKey/legacy-noStatus-noExpiry.json';
    const c = fixtureJson(rel);
    const reordered = Object.fromEntries(Object.entries(c).reverse());
    const [a] = await verifier.verify(readFixture(rel), {});
    const [b] = await verifier.verify(JSON.stringify(reordered), {});
    expect(b.status).toBe('VERIFIED');
    expect(b.credentialHash).toBe(a.credentialHash);
    const [t] = await verifier.verify(JSON.stringify(tamperSubject(c)), {});
    expect(t.credentialHash).not.toBe(a.credentialHash);
  });

  it('accepts an already-parsed object as input', async () => {
    const [r] = await verifier.verify(fixtureJson('v2/ed25519/didKey/legacy-noStatus-noExpiry.json'), {});
    expect(r.status).toBe('VERIFIED');
  });
});
