import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture } from './fixtures/open-badges/helpers';
import { ok, startTestApp, TestApp } from './support/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'ctdl', name), 'utf8');

const CREDENTIAL_FIELDS = 'id name issuer type hours cost currency validityMonths academicCredits requiredComponents description';
const IMPORT = `mutation($document: String!) {
  importCtdl(document: $document) {
    credentials { ${CREDENTIAL_FIELDS} skills { skill { name } level } prerequisites { name } components { name } }
    pathways { id name steps { position credential { name } } }
    warnings
  }
}`;
const EXPORT = 'query($ids: [ID!]!) { exportCtdl(credentialIds: $ids) }';

describe('importCtdl / exportCtdl: Credential Engine CTDL JSON-LD', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const importCtdl = async (document: string) => ok(await t.gql(IMPORT, { document })).importCtdl;
  const byName = (credentials: { name: string }[]) => new Map(credentials.map((c) => [c.name, c as any]));
  /** Everything the catalogue holds about these credentials (rows with their timestamps, edges, skills). */
  const snapshot = async (ids: string[]) => ({
    rows: await t.dataSource.query(`SELECT * FROM credential WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]),
    prerequisites: await t.dataSource.query(`SELECT * FROM credential_prerequisite WHERE credential_id = ANY($1::uuid[]) ORDER BY 1, 2`, [ids]),
    components: await t.dataSource.query(`SELECT * FROM credential_component WHERE credential_id = ANY($1::uuid[]) ORDER BY 1, 2`, [ids]),
    skills: await t.dataSource.query(`SELECT * FROM credential_skill WHERE credential_id = ANY($1::uuid[]) ORDER BY 1, 2`, [ids]),
  });
  const counts = async () => (await t.dataSource.query(`SELECT (SELECT count(*) FROM credential)::int AS c, (SELECT count(*) FROM pathway)::int AS p, (SELECT count(*) FROM credential_prerequisite)::int AS e`))[0];

  it('imports credentials (prefixed form, @graph, language maps): type, issuer, hours, cost and currency, credits, renewal, skills', async () => {
    const result = await importCtdl(fixture('credentials.json'));
    expect(result.credentials.map((c: any) => c.name)).toEqual(['SQL Foundations Badge', 'Certified Software Developer', 'BSc Computer Science', 'Python for Analysts']);
    const c = byName(result.credentials);
    expect(c.get('SQL Foundations Badge')).toMatchObject({
      type: 'BADGE',
      issuer: 'Open Data Academy',
      hours: 8,
      cost: 49, // the aggregate cost profile, not 39 + 49
      currency: 'USD',
      description: 'Writing queries against relational databases.',
      validityMonths: null,
      skills: [{ skill: { name: 'SQL' }, level: 2 }], // ceterms:weight 0.4 → level 2
    });
    const developer = c.get('Certified Software Developer');
    expect(developer).toMatchObject({ type: 'CERTIFICATION', hours: 80, cost: 250, currency: 'EUR', validityMonths: 36 });
    // the ESCO occupation's essential skills, at level 2
    const essential: { name: string }[] = await t.dataSource.query(
      `SELECT s.name FROM occupation o JOIN occupation_skill os ON os.occupation_id = o.id AND os.essential JOIN skill s ON s.id = os.skill_id
       WHERE o.external_uri = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1' ORDER BY s.name`,
    );
    expect(essential.length).toBeGreaterThan(10);
    expect(developer.skills.map((s: any) => s.skill.name).sort()).toEqual(essential.map((s) => s.name).sort());
    expect(new Set(developer.skills.map((s: any) => s.level))).toEqual(new Set([2]));
    expect(c.get('BSc Computer Science')).toMatchObject({ type: 'DEGREE', issuer: 'Northern University', hours: 3600, cost: 27000, currency: 'GBP', academicCredits: 180 });
    const python = c.get('Python for Analysts');
    expect(python).toMatchObject({ type: 'MICRO_CREDENTIAL', issuer: 'Open Data Academy', hours: 40, cost: 0, currency: null, prerequisites: [{ name: 'SQL Foundations Badge' }] });
    expect(python.skills).toEqual([{ skill: { name: 'Python (computer programming)' }, level: 3 }]);
    const w = result.warnings.join('\n');
    expect(result.warnings).toHaveLength(7);
    expect(w).toContain('ceterms:AssessmentProfile, which skillstack does not import');
    expect(w).toContain('"Certified Software Developer"): its duration is in calendar time; 80 hours assumes full-time study');
    expect(w).toContain('(15-9999.00) is not in the catalogue');
    expect(w).toContain('"BSc Computer Science") gives no duration; the default for a DEGREE (3600 h) was recorded.');
    expect(w).toContain('its duration "About ten evenings" gives no hours; the default for a MICRO_CREDENTIAL (40 h) was recorded.');
    expect(w).toContain('"Python for Analysts") gives no cost; 0 was recorded.');
    expect(w).toContain('the competency "Zorblaxian widget tuning" matches no skill');
  });

  it('importing the same document twice changes nothing (same CTIDs → same credentials, rows untouched)', async () => {
    const first = await importCtdl(fixture('credentials.json'));
    const ids = first.credentials.map((c: any) => c.id);
    const before = await snapshot(ids);
    const again = await importCtdl(fixture('credentials.json'));
    expect(again.credentials.map((c: any) => c.id)).toEqual(ids);
    expect(await snapshot(ids)).toEqual(before);
  });

  it('a program with three courses (plain terms): parts become components, entry conditions a prerequisite chain, hours and cost the sum of the parts', async () => {
    const result = await importCtdl(fixture('program.json'));
    expect(result.warnings).toEqual([]);
    const c = byName(result.credentials);
    expect(c.get('Data Engineering Program')).toMatchObject({
      type: 'CERTIFICATE',
      issuer: 'Riverside College',
      hours: 120,
      cost: 450,
      currency: 'USD',
      academicCredits: 12,
      requiredComponents: null,
      description: 'Three courses, each building on the one before.',
      components: [{ name: 'DE 101 Data Modelling' }, { name: 'DE 201 SQL Pipelines' }, { name: 'DE 301 Streaming Systems' }].sort((a, b) => a.name.localeCompare(b.name)),
    });
    expect(c.get('DE 101 Data Modelling')).toMatchObject({ type: 'MICRO_CREDENTIAL', hours: 30, cost: 100, academicCredits: 4, prerequisites: [], skills: [{ skill: { name: 'database management systems' }, level: 3 }] });
    expect(c.get('DE 201 SQL Pipelines')).toMatchObject({ hours: 40, prerequisites: [{ name: 'DE 101 Data Modelling' }] });
    expect(c.get('DE 301 Streaming Systems')).toMatchObject({ hours: 50, prerequisites: [{ name: 'DE 201 SQL Pipelines' }] });
  });

  it('a pathway with an N-of-M condition and an OR: template pathways, requiredComponents, one warning per inexpressible condition', async () => {
    const result = await importCtdl(fixture('pathway.json'));
    const [analyst, senior] = result.pathways;
    expect(analyst.name).toBe('Become a data analyst');
    expect(analyst.steps.map((s: any) => [s.position, s.credential.name])).toEqual([
      [1, 'Intro to Data'],
      [2, 'Statistics for Analysts'],
      [3, 'Data Visualisation'],
      [4, 'Data Analyst Certificate'],
    ]);
    expect(senior.steps.map((s: any) => s.credential.name)).toEqual(['Machine Learning Basics', 'Senior Analyst Certificate']);
    const c = byName(result.credentials);
    expect(c.get('Data Analyst Certificate')).toMatchObject({
      requiredComponents: 2,
      prerequisites: [{ name: 'Intro to Data' }],
      components: [{ name: 'Data Visualisation' }, { name: 'Machine Learning Basics' }, { name: 'Statistics for Analysts' }],
    });
    expect(c.get('Senior Analyst Certificate')).toMatchObject({ requiredComponents: 1, prerequisites: [] });
    expect(c.get('Senior Analyst Certificate').components).toHaveLength(3);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain('the component "Six months of work experience" stands for no credential');
    expect(result.warnings[1]).toContain(
      'the condition of "Senior Analyst Certificate" (1 of ["Machine learning", all of ["Statistics", "Visualisation"]]) cannot be expressed as a count of components; "Senior Analyst Certificate" counts any 1 of its 3 components and the template pathway takes "Machine learning".',
    );
    // the saved template is a real pathway, readable and idempotent
    const read = ok(await t.gql('query($id: ID!) { pathway(id: $id) { name candidate { id } steps { credential { name } } } }', { id: analyst.id })).pathway;
    expect(read).toMatchObject({ name: 'Become a data analyst', candidate: null });
    const again = await importCtdl(fixture('pathway.json'));
    expect(again.pathways.map((p: any) => p.id)).toEqual([analyst.id, senior.id]);
    expect(again.credentials.map((x: any) => x.id)).toEqual(result.credentials.map((x: any) => x.id));
  });

  it('exportCtdl writes the credentials with their parts and prerequisites as one document that imports back onto the same credentials', async () => {
    const program = (await importCtdl(fixture('program.json'))).credentials[0];
    const json = ok(await t.gql(EXPORT, { ids: [program.id] })).exportCtdl;
    const doc = JSON.parse(json);
    expect(doc['@context']).toBe('https://credreg.net/ctdl/schema/context/json');
    const nodes = doc['@graph'].filter((n: any) => n['@type'] !== 'ceterms:CredentialOrganization').map((n: any) => [n['@type'], n['ceterms:name'].en]);
    // the requested credential first, then the parts and prerequisites it brings in
    expect(nodes[0]).toEqual(['ceterms:LearningProgram', 'Data Engineering Program']);
    expect(nodes.slice(1).sort()).toEqual([
      ['ceterms:Course', 'DE 101 Data Modelling'],
      ['ceterms:Course', 'DE 201 SQL Pipelines'],
      ['ceterms:Course', 'DE 301 Streaming Systems'],
    ]);
    expect(doc['@graph'].filter((n: any) => n['@type'] === 'ceterms:CredentialOrganization').map((n: any) => n['ceterms:name'].en)).toEqual(['Riverside College']);
    expect(doc['@graph'][0]['ceterms:ctid']).toBe('ce-3b9d6a10-7c2e-4f51-9a0b-2c4d6e8f0a10');
    const ids = (await importCtdl(fixture('program.json'))).credentials.map((c: any) => c.id);
    const before = await snapshot(ids);
    const back = await importCtdl(json);
    expect(back.credentials.map((c: any) => c.id).sort()).toEqual([...ids].sort());
    expect(back.warnings).toEqual([]);
    expect(await snapshot(ids)).toEqual(before);
  });

  it('round-trips catalogue credentials that never came from CTDL (stacks, prerequisites, skills) without changing them', async () => {
    const [stack] = await t.dataSource.query(`SELECT credential_id AS id FROM credential_component cc JOIN credential c ON c.id = cc.credential_id WHERE c.required_components IS NOT NULL LIMIT 1`);
    const [withPrereq] = await t.dataSource.query(`SELECT credential_id AS id FROM credential_prerequisite LIMIT 1`);
    const json = ok(await t.gql(EXPORT, { ids: [stack.id, withPrereq.id] })).exportCtdl;
    const ids = JSON.parse(json)['@graph'].filter((n: any) => n['ceterms:ctid']).map((n: any) => n['ceterms:ctid'].slice(3));
    expect(ids.slice(0, 2)).toEqual([stack.id, withPrereq.id]);
    const before = await snapshot(ids);
    const back = await importCtdl(json);
    expect(back.credentials.map((c: any) => c.id)).toEqual(ids);
    expect(await snapshot(ids)).toEqual(before);
  });

  it('reads an inline @vocab context and a single resource with no @context at all (the bundled CTDL context applies)', async () => {
    const inline = await importCtdl(
      JSON.stringify({
        '@context': { '@vocab': 'https://purl.org/ctdl/terms/', id: '@id', type: '@type' },
        id: 'https://example.org/ctdl/vocab-badge',
        type: 'Badge',
        ctid: 'ce-0d0d0d0d-0000-4000-8000-000000000001',
        name: 'Vocab badge',
        ownedBy: { name: 'Vocab Org' },
        estimatedDuration: { exactDuration: 'PT2H' },
        estimatedCost: { price: 5, currency: 'CAD' },
      }),
    );
    expect(inline.credentials).toMatchObject([{ name: 'Vocab badge', type: 'BADGE', issuer: 'Vocab Org', hours: 2, cost: 5, currency: 'CAD' }]);
    expect(inline.warnings).toEqual([]);
    const bare = await importCtdl(
      JSON.stringify({
        '@id': 'https://example.org/ctdl/bare-cert',
        '@type': 'ceterms:Certification',
        'ceterms:ctid': 'ce-0d0d0d0d-0000-4000-8000-000000000002',
        'ceterms:name': { 'en-US': 'Bare certification' },
        'ceterms:ownedBy': [{ '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { 'en-US': 'Bare Org' } }],
        'ceterms:estimatedDuration': [{ 'ceterms:exactDuration': 'PT90M' }],
        'ceterms:estimatedCost': [{ 'ceterms:price': '12.50', 'ceterms:currency': 'USD' }],
      }),
    );
    expect(bare.credentials).toMatchObject([{ name: 'Bare certification', type: 'CERTIFICATION', issuer: 'Bare Org', hours: 1.5, cost: 12.5, currency: 'USD' }]);
  });

  it('two concurrent imports of the same new resources end on the same credentials', async () => {
    const document = fixture('program.json').replaceAll('ce-3b9d6a10-7c2e-4f51-9a0b-2c4d6e8f0a1', 'ce-3b9d6a10-7c2e-4f51-9a0b-2c4d6e8f0b1').replaceAll('https://example.edu/ctdl/', 'https://example.edu/ctdl/concurrent-');
    const [a, b] = await Promise.all([t.gql(IMPORT, { document }), t.gql(IMPORT, { document })]);
    expect(ok(a).importCtdl.credentials.map((c: any) => c.id)).toEqual(ok(b).importCtdl.credentials.map((c: any) => c.id));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM credential WHERE external_id LIKE 'https://example.edu/ctdl/concurrent-%'`);
    expect(n).toBe(4);
  });

  describe('malformed input: BAD_USER_INPUT naming what is wrong, nothing changed', () => {
    const course = (extra: Record<string, unknown>) => ({
      '@id': 'https://example.org/ctdl/bad-course',
      '@type': 'ceterms:Course',
      'ceterms:ctid': 'ce-00000000-0000-4000-8000-00000000bad1',
      'ceterms:name': { en: 'Bad course' },
      ...extra,
    });
    const ctx = (graph: unknown[]) => JSON.stringify({ '@context': 'https://credreg.net/ctdl/schema/context/json', '@graph': graph });
    it.each<[string, string, string]>([
      ['not JSON', '{"@graph": [', 'document is not JSON'],
      ['a JSON scalar', '42', 'is not a JSON-LD object'],
      ['nested too deeply', `${'{"ceterms:hasPart":'.repeat(200)}{}${'}'.repeat(200)}`, 'nests objects and arrays more than 64 levels deep'],
      ['an unbundled context', JSON.stringify({ '@context': 'https://example.org/my-context.jsonld', '@type': 'Course', name: 'x' }), 'names https://example.org/my-context.jsonld, which is not bundled'],
      ['nothing to import', ctx([{ '@id': 'https://example.org/org', '@type': 'ceterms:CredentialOrganization', 'ceterms:name': 'Org' }]), 'holds no CTDL credential, course, learning program or pathway'],
      ['a nameless course', ctx([course({ 'ceterms:name': { en: '  ' } })]), 'ceterms:name is missing or empty'],
      ['no CTID and a blank @id', ctx([course({ '@id': '_:b0', 'ceterms:ctid': undefined })]), 'has neither a ceterms:ctid nor an @id'],
      ['a negative price', ctx([course({ 'ceterms:estimatedCost': [{ 'ceterms:price': -5 }] })]), 'ceterms:price is negative (-5)'],
      ['a price that is not a number', ctx([course({ 'ceterms:estimatedCost': [{ 'ceterms:price': 'free' }] })]), 'ceterms:price is not a number: "free"'],
      ['a made-up currency', ctx([course({ 'ceterms:estimatedCost': [{ 'ceterms:price': 5, 'ceterms:currency': 'dollars' }] })]), 'ceterms:currency must be an ISO 4217 code'],
      [
        'a prerequisite cycle',
        ctx([
          course({ 'ceterms:entryCondition': [{ 'ceterms:targetLearningOpportunity': ['https://example.org/ctdl/bad-course-2'] }] }),
          course({ '@id': 'https://example.org/ctdl/bad-course-2', 'ceterms:ctid': 'ce-00000000-0000-4000-8000-00000000bad2', 'ceterms:name': 'Bad course 2', 'ceterms:entryCondition': [{ 'ceterms:targetLearningOpportunity': ['https://example.org/ctdl/bad-course'] }] }),
        ]),
        'its parts and prerequisites form a cycle: "Bad course" → "Bad course 2" → "Bad course"',
      ],
      [
        'requiredNumber above its targets',
        ctx([
          course({}),
          { '@id': 'https://example.org/p', '@type': 'ceterms:Pathway', 'ceterms:ctid': 'ce-00000000-0000-4000-8000-00000000bad3', 'ceterms:name': 'P', 'ceterms:hasDestinationComponent': ['https://example.org/c'] },
          { '@id': 'https://example.org/c', '@type': 'ceterms:CourseComponent', 'ceterms:name': 'C', 'ceterms:hasCondition': [{ 'ceterms:requiredNumber': 3, 'ceterms:targetComponent': ['https://example.org/x'] }] },
        ]),
        'ceterms:requiredNumber 3 is more than its 1 targets',
      ],
      ['a pathway without destination', ctx([{ '@id': 'https://example.org/p2', '@type': 'ceterms:Pathway', 'ceterms:name': 'P2' }]), 'ceterms:hasDestinationComponent is missing'],
    ])('%s', async (_what, document, message) => {
      const before = await counts();
      const result = await t.gql(IMPORT, { document });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(message);
      expect(await counts()).toEqual(before);
    });

    it('a cycle through a catalogue credential rolls the whole document back', async () => {
      const program = (await importCtdl(fixture('program.json'))).credentials;
      const c101 = program.find((c: any) => c.name === 'DE 101 Data Modelling');
      const before = await counts();
      // DE 101 now requires DE 301, which (in the catalogue) requires DE 201, which requires DE 101
      const document = ctx([
        { '@id': 'https://example.edu/ctdl/course-101', '@type': 'ceterms:Course', 'ceterms:ctid': 'ce-3b9d6a10-7c2e-4f51-9a0b-2c4d6e8f0a11', 'ceterms:name': 'DE 101 Data Modelling', 'ceterms:entryCondition': [{ 'ceterms:targetLearningOpportunity': ['https://example.edu/ctdl/course-301'] }] },
      ]);
      const result = await t.gql(IMPORT, { document });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('document would form a cycle of parts and prerequisites with the catalogue: "DE 101 Data Modelling"');
      expect(await counts()).toEqual(before);
      const still = ok(await t.gql('query($id: ID!) { credential(id: $id) { prerequisites { name } hours } }', { id: c101.id })).credential;
      expect(still).toEqual({ prerequisites: [], hours: 30 });
    });

    it("a learner's own achievement record (an untrusted badge import) is not the catalogue's: exportCtdl does not find it, importCtdl does not update it", async () => {
      const candidateId = ok(await t.gql('mutation { createCandidate(input: { name: "Record Holder" }) { id } }')).createCandidate.id;
      const badge = readFixture('v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json');
      const earned = ok(await t.gql('mutation($input: ImportBadgeInput!) { importBadge(input: $input) { verification credential { id name learnerRecord } } }', { input: { candidateId, credential: badge } })).importBadge;
      expect(earned).toMatchObject({ verification: 'UNVERIFIED', credential: { learnerRecord: true } });
      const exported = await t.gql(EXPORT, { ids: [earned.credential.id] });
      expect(exported.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // a CTDL document naming the record's id as its @id makes a new catalogue credential; the record stays as it was
      const before = await snapshot([earned.credential.id]);
      const doc = JSON.stringify({ '@context': 'https://credreg.net/ctdl/schema/context/json', '@id': `urn:uuid:${earned.credential.id}`, '@type': 'ceterms:Badge', 'ceterms:name': { en: 'Renamed by a catalogue import' }, 'ceterms:estimatedDuration': [{ 'ceterms:exactDuration': 'PT2H' }] });
      const imported = await t.gql(IMPORT, { document: doc });
      if (!imported.errors) expect(imported.data!.importCtdl.credentials.map((c: { id: string }) => c.id)).not.toContain(earned.credential.id);
      expect(await snapshot([earned.credential.id])).toEqual(before);
    });

    it('exportCtdl refuses unknown and malformed ids', async () => {
      const missing = await t.gql(EXPORT, { ids: ['00000000-0000-4000-8000-000000000000'] });
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const bad = await t.gql(EXPORT, { ids: ['not-an-id'] });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'credentialIds[0]' });
      const none = await t.gql(EXPORT, { ids: [] });
      expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
