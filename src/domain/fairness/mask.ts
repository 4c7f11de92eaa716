/**
 * The name shown for a candidate in a masked ranking until the recruiter unmasks them:
 * "Candidate " and the first four hex digits of the id (ids are shown anyway), e.g. "Candidate 7f3a…".
 */
export function maskedName(candidateId: string): string {
  return `Candidate ${candidateId.replace(/-/g, '').slice(0, 4).toLowerCase()}…`;
}
