/**
 * Fields the console selects that were added to the API by the rankings issue (#13):
 * CandidateMatch.summary, RequirementMatch.reason, CredentialRecommendation.raises. They are
 * served now; with PENDING_FIELDS_SERVED false the console would fall back to the sentences it
 * writes itself (src/explain.ts), which is only for running it against an older server.
 */
export const PENDING_FIELDS_SERVED = true;

const on = (selection: string): string => (PENDING_FIELDS_SERVED ? selection : '');

export const PENDING_FIELDS = {
  /** inside CandidateMatch */
  matchSummary: on('summary'),
  /** inside RequirementMatch */
  requirementReason: on('reason'),
  /** inside CredentialRecommendation */
  recommendationRaises: on('raises { before after requirement { id level skill { id name } } }'),
} as const;
