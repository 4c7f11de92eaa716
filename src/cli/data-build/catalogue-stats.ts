import type { SeedCatalogue } from '../../seed/seed-data.types';

export interface CatalogueStats {
  occupations: number;
  skills: number;
  skillsByKind: Record<string, number>;
  skillsByCategory: Record<string, number>;
  skillsByKindAndCategory: Record<string, number>;
  broaderEdges: number;
  relatedEdges: number;
  relatedEssential: number;
  relatedOptional: number;
  credentials: number;
  credentialsByType: Record<string, number>;
  stacks: number;
  credentialsWithPrerequisites: number;
  expiringCredentials: number;
  issuers: number;
  jobs: number;
  jobRequirements: number;
}

function tally<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = keyOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function catalogueStats(catalogue: SeedCatalogue): CatalogueStats {
  const { skills, credentials, jobs, related } = catalogue;
  return {
    occupations: catalogue.occupations.length,
    skills: skills.length,
    skillsByKind: tally(skills, (s) => s.kind),
    skillsByCategory: tally(skills, (s) => s.category),
    skillsByKindAndCategory: tally(skills, (s) => `${s.kind}/${s.category}`),
    broaderEdges: catalogue.broader.length,
    relatedEdges: related.length,
    relatedEssential: related.filter((r) => r[2] === 0.8).length,
    relatedOptional: related.filter((r) => r[2] === 0.5).length,
    credentials: credentials.length,
    credentialsByType: tally(credentials, (c) => c.type),
    stacks: credentials.filter((c) => c.components.length > 0).length,
    credentialsWithPrerequisites: credentials.filter((c) => c.prerequisites.length > 0).length,
    expiringCredentials: credentials.filter((c) => c.validityMonths !== null).length,
    issuers: new Set(credentials.map((c) => c.issuer)).size,
    jobs: jobs.length,
    jobRequirements: jobs.reduce((sum, job) => sum + job.requirements.length, 0),
  };
}
