import { CredentialDraft } from './ctdl-draft.types';
import { CtdlInputError } from './ctdl-input.error';
import { countOf, ctidInIri, readCtdlDocument } from './ctdl-reader';
import { ct, SCHEMA } from './ctdl-vocabulary';
import { course, id, lit, node } from './ctdl.fixtures';

describe('countOf', () => {
  it.each<[string | null, number | null]>([
    ['Complete 2 of the 3 courses', 2],
    ['any one of the following', 1],
    ['Two of the following', 2],
    ['Complete any 2 of the 5 parts', 2],
    ['3 out of 4 modules', 3],
    ['Completed DE 101', null],
    ['All courses', null],
    [null, null],
  ])('%s → %s', (text, n) => expect(countOf(text)).toBe(n));
});

describe('ctidInIri', () => {
  it.each<[string, string | null]>([
    ['https://credentialengineregistry.org/resources/ce-7A0C4B1E-2d3f-4e5a-8b6c-1d2e3f4a5b01', 'ce-7a0c4b1e-2d3f-4e5a-8b6c-1d2e3f4a5b01'],
    ['ce-7a0c4b1e-2d3f-4e5a-8b6c-1d2e3f4a5b01', 'ce-7a0c4b1e-2d3f-4e5a-8b6c-1d2e3f4a5b01'],
    ['https://example.org/course-101', null],
  ])('%s → %s', (iri, ctid) => expect(ctidInIri(iri)).toBe(ctid));
});

const readOne = (props: Record<string, unknown>, cls = 'Course'): CredentialDraft => readCtdlDocument([course(1, props, cls)]).credentials[0];

describe('readCtdlDocument: one resource, property by property', () => {
  it.each<[string, string, Record<string, unknown>, Partial<CredentialDraft>]>([
    ['class → type (Badge)', 'Badge', {}, { type: 'BADGE', ctdlClass: 'Badge' }],
    ['class → type (BachelorDegree)', 'BachelorDegree', {}, { type: 'DEGREE' }],
    ['class → type (LearningProgram)', 'LearningProgram', {}, { type: 'CERTIFICATE' }],
    ['class → type (License)', 'License', {}, { type: 'CERTIFICATION' }],
    ['class → type (Course)', 'Course', {}, { type: 'MICRO_CREDENTIAL' }],
    ['name: en before en-* before untagged before others', 'Course', { name: [lit('Cours', 'fr'), lit('Plain'), lit('Course GB', 'en-GB')] }, { name: 'Course GB' }],
    ['name: en wins', 'Course', { name: [lit('Cours', 'fr'), lit('Course', 'en')] }, { name: 'Course' }],
    ['name: only another language', 'Course', { name: [lit('Kurs', 'de')] }, { name: 'Kurs' }],
    ['exactDuration PT40H', 'Course', { estimatedDuration: node(null, 'DurationProfile', { exactDuration: lit('PT40H') }) }, { duration: { hours: 40, calendar: false } }],
    ['min and max durations: their mean', 'Course', { estimatedDuration: node(null, null, { minimumDuration: lit('PT10H'), maximumDuration: lit('PT20H') }) }, { duration: { hours: 15, calendar: false } }],
    ['calendar duration', 'Course', { estimatedDuration: node(null, null, { exactDuration: lit('P1W') }) }, { duration: { hours: 40, calendar: true } }],
    ['unreadable duration', 'Course', { estimatedDuration: node(null, null, { exactDuration: lit('forty hours') }) }, { duration: null, unreadableDuration: 'forty hours' }],
    ['aggregate cost wins', 'Course', { estimatedCost: [node(null, null, { price: lit(10) }), node(null, null, { price: lit(25), currency: lit('usd'), directCostType: id('costType:AggregateCost') })] }, { cost: { amount: 25, currency: 'USD', aggregate: true } }],
    ['cost profiles add up', 'Course', { estimatedCost: [node(null, null, { price: lit(10), currency: lit('EUR') }), node(null, null, { price: lit('5.5'), currency: lit('EUR') })] }, { cost: { amount: 15.5, currency: 'EUR', aggregate: false } }],
    ['no cost', 'Course', {}, { cost: null }],
    ['credit value (schema:value)', 'Course', { creditValue: node(null, null, { [SCHEMA + 'value']: lit(3) }) }, { academicCredits: 3 }],
    ['credit value range: its mean', 'Course', { creditValue: node(null, null, { [SCHEMA + 'minValue']: lit(2), [SCHEMA + 'maxValue']: lit(4) }) }, { academicCredits: 3 }],
    ['renewal frequency P3Y', 'Certification', { renewalFrequency: lit('P3Y') }, { validityMonths: 36 }],
    ['issuer: ownedBy organisation name', 'Badge', { ownedBy: node('https://example.org/org', 'CredentialOrganization', { name: lit('Org', 'en') }) }, { issuer: 'Org' }],
    ['issuer: an undescribed organisation gives its IRI', 'Badge', { ownedBy: id('https://example.org/org') }, { issuer: 'https://example.org/org' }],
    ['parts', 'LearningProgram', { hasPart: [id('https://example.org/c2'), id('https://example.org/c3')] }, { parts: ['https://example.org/c2', 'https://example.org/c3'], requiredParts: null }],
    [
      'a condition over all parts saying N of M',
      'LearningProgram',
      { hasPart: [id('x:a'), id('x:b'), id('x:c')], requires: node(null, 'ConditionProfile', { description: lit('Complete 2 of the 3 courses'), targetLearningOpportunity: [id('x:a'), id('x:b'), id('x:c')] }) },
      { requiredParts: 2, prerequisites: [] },
    ],
    ['entry condition → prerequisite', 'Course', { entryCondition: node(null, null, { targetLearningOpportunity: id('x:p') }) }, { prerequisites: ['x:p'] }],
    ['requires targetCredential → prerequisite', 'Certificate', { requires: node(null, null, { targetCredential: id('x:p') }) }, { prerequisites: ['x:p'] }],
    [
      'competencies: teaches, requires targetCompetency; weight → level',
      'Course',
      {
        teaches: node(null, 'CredentialAlignmentObject', { targetNodeName: lit('SQL', 'en'), weight: lit(0.8) }),
        requires: node(null, null, { targetCompetency: node(null, null, { targetNode: id('http://data.europa.eu/esco/skill/x') }) }),
      },
      { competencies: [{ uri: null, name: 'SQL', level: 4 }, { uri: 'http://data.europa.eu/esco/skill/x', name: null, level: 3 }] },
    ],
    [
      'occupations',
      'Certification',
      { occupationType: node(null, null, { codedNotation: lit('15-1252.00'), targetNodeName: lit('Software Developers') }) },
      { occupations: [{ uri: null, code: '15-1252.00', name: 'Software Developers' }] },
    ],
  ])('%s', (_what, cls, props, expected) => {
    expect(readOne(props, cls)).toMatchObject(expected);
  });

  it('reads the old http: namespace like the https: one', () => {
    const old = { '@id': 'x:1', '@type': ['http://purl.org/ctdl/terms/Badge'], 'http://purl.org/ctdl/terms/name': [lit('Old')] };
    expect(readCtdlDocument([old]).credentials[0]).toMatchObject({ name: 'Old', type: 'BADGE', iri: 'x:1', ctid: null });
  });

  it('reads an @graph and embedded credentials, once each, and warns about classes it does not import', () => {
    const doc = readCtdlDocument([{ '@graph': [course(1, { hasPart: course(2) }), course(2), node('x:a', 'AssessmentProfile', { name: lit('A') })] }]);
    expect(doc.credentials.map((c) => c.name)).toEqual(['Course 1', 'Course 2']);
    expect(doc.warnings).toEqual(['@graph[2] is a ceterms:AssessmentProfile, which skillstack does not import; it was left out.']);
  });

  it.each<[string, unknown[], string, string]>([
    ['no name', [course(1, { name: lit(' ') })], 'the resource (ceterms:Course)', 'ceterms:name is missing or empty'],
    ['no identity', [node('_:b1', 'Course', { name: lit('X') })], 'the resource (ceterms:Course "X")', 'has neither a ceterms:ctid nor an @id (other than a blank node); one is needed to import it again onto the same record'],
    ['no type', [{ '@id': 'x:1', [ct('name')]: [lit('X')] }], 'the resource', 'has no CTDL @type (ceterms:…); is the @context the CTDL one?'],
    ['nothing to import', [node('x:o', 'CredentialOrganization', { name: lit('O') })], 'document', 'holds no CTDL credential, course, learning program or pathway'],
    ['negative price', [course(1, { estimatedCost: node(null, null, { price: lit(-1) }) })], 'the resource (ceterms:Course "Course 1") ceterms:estimatedCost[0]', 'ceterms:price is negative (-1)'],
    ['price not a number', [course(1, { estimatedCost: node(null, null, { price: lit('free') }) })], 'the resource (ceterms:Course "Course 1") ceterms:estimatedCost[0]', 'ceterms:price is not a number: "free"'],
    ['currency not ISO 4217', [course(1, { estimatedCost: node(null, null, { price: lit(1), currency: lit('Euro') }) })], 'the resource (ceterms:Course "Course 1") ceterms:estimatedCost[0]', 'ceterms:currency must be an ISO 4217 code such as USD (got "EURO")'],
    ['pathway without destination', [node('x:p', 'Pathway', { name: lit('P') })], 'the resource (ceterms:Pathway "P")', 'ceterms:hasDestinationComponent is missing: a pathway needs a destination'],
  ])('refuses %s', (_what, expanded, path, reason) => {
    let error: unknown;
    try {
      readCtdlDocument(expanded);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CtdlInputError);
    expect({ path: (error as CtdlInputError).path, reason: (error as CtdlInputError).reason }).toEqual({ path, reason });
  });
});
