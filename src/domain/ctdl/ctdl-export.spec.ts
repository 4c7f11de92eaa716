import { derivedCredentialId, exportCtdl, ExportCredential } from './ctdl-export';

const base: ExportCredential = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Stack',
  issuer: 'Org',
  type: 'CERTIFICATE',
  hours: 12.5,
  cost: 300,
  currency: 'EUR',
  validityMonths: 24,
  academicCredits: 6,
  requiredComponents: 1,
  description: 'A stack',
  ctid: null,
  externalId: null,
  ctdlClass: null,
  componentIds: ['22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'],
  prerequisiteIds: [],
  skills: [{ uri: 'http://data.europa.eu/esco/skill/s', name: 'SQL', level: 4 }],
};
const part = (id: string, extra: Partial<ExportCredential> = {}): ExportCredential => ({
  ...base,
  id,
  name: `Part ${id[0]}`,
  ctdlClass: 'Course',
  currency: null,
  validityMonths: null,
  academicCredits: null,
  requiredComponents: null,
  description: null,
  componentIds: [],
  skills: [],
  ...extra,
});

describe('exportCtdl', () => {
  it('writes a credential with its parts, N-of-M condition, prerequisites, costs, durations and competencies', () => {
    const doc = exportCtdl([
      base,
      part('22222222-2222-4222-8222-222222222222', { ctid: 'ce-aaaaaaaa-0000-4000-8000-000000000001', externalId: 'https://example.org/p2' }),
      part('33333333-3333-4333-8333-333333333333', { prerequisiteIds: ['22222222-2222-4222-8222-222222222222'] }),
    ]);
    expect(doc).toEqual({
      '@context': 'https://credreg.net/ctdl/schema/context/json',
      '@graph': [
        {
          '@id': 'urn:skillstack:credential:11111111-1111-4111-8111-111111111111',
          '@type': 'ceterms:Certificate',
          'ceterms:ctid': 'ce-11111111-1111-4111-8111-111111111111',
          'ceterms:name': { en: 'Stack' },
          'ceterms:description': { en: 'A stack' },
          'ceterms:ownedBy': ['_:organization-1'],
          'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'PT12.5H' }],
          'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': 300, 'ceterms:currency': 'EUR' }],
          'ceterms:creditValue': [{ '@type': 'schema:QuantitativeValue', 'schema:value': 6 }],
          'ceterms:renewalFrequency': 'P24M',
          'ceterms:hasPart': ['https://example.org/p2', 'urn:skillstack:credential:33333333-3333-4333-8333-333333333333'],
          'ceterms:requires': [
            {
              '@type': 'ceterms:ConditionProfile',
              'ceterms:description': { en: 'Competencies this credential attests' },
              'ceterms:targetCompetency': [
                { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:targetNodeName': { en: 'SQL' }, 'ceterms:weight': 0.8, 'ceterms:targetNode': 'http://data.europa.eu/esco/skill/s' },
              ],
            },
            {
              '@type': 'ceterms:ConditionProfile',
              'ceterms:description': { en: 'Complete any 1 of the 2 parts' },
              'ceterms:targetLearningOpportunity': ['https://example.org/p2', 'urn:skillstack:credential:33333333-3333-4333-8333-333333333333'],
            },
          ],
        },
        {
          '@id': 'https://example.org/p2',
          '@type': 'ceterms:Course',
          'ceterms:ctid': 'ce-aaaaaaaa-0000-4000-8000-000000000001',
          'ceterms:name': { en: 'Part 2' },
          'ceterms:offeredBy': ['_:organization-1'],
          'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'PT12.5H' }],
          'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': 300 }],
        },
        {
          '@id': 'urn:skillstack:credential:33333333-3333-4333-8333-333333333333',
          '@type': 'ceterms:Course',
          'ceterms:ctid': 'ce-33333333-3333-4333-8333-333333333333',
          'ceterms:name': { en: 'Part 3' },
          'ceterms:offeredBy': ['_:organization-1'],
          'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'PT12.5H' }],
          'ceterms:estimatedCost': [{ '@type': 'ceterms:CostProfile', 'ceterms:price': 300 }],
          'ceterms:requires': [
            { '@type': 'ceterms:ConditionProfile', 'ceterms:description': { en: 'Held before this can be earned' }, 'ceterms:targetLearningOpportunity': ['https://example.org/p2'] },
          ],
        },
        { '@id': '_:organization-1', '@type': 'ceterms:CredentialOrganization', 'ceterms:name': { en: 'Org' } },
      ],
    });
  });

  it.each<[string, string | null]>([
    ['urn:skillstack:credential:11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111'],
    ['ce-11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111'],
    ['ce-not-a-uuid', null],
    ['https://example.org/x', null],
  ])('derivedCredentialId(%s) = %s', (value, expected) => expect(derivedCredentialId(value)).toBe(expected));
});
