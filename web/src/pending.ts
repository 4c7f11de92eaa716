/**
 * PENDING FIELDS: the one place the console selects fields that other issues add to the API
 * and that this branch does not serve yet (a query selecting them would fail validation):
 *
 *   CandidateMatch.summary            (#13)
 *   RequirementMatch.reason           (#13)
 *   CredentialRecommendation.raises   (#13)
 *
 * Switch PENDING_FIELDS_SERVED to true once they are served: the fragments below then select
 * them, and the pages show the server's text instead of the sentences the console writes itself
 * (src/explain.ts). Opaque masked handles (#16) and trust-aware verification statuses (#15) need
 * no switch: the console already sends a masked candidate's id back to unmaskCandidate as is and
 * shows whatever verification status and checks the server returns.
 */
export const PENDING_FIELDS_SERVED = false;

const on = (selection: string): string => (PENDING_FIELDS_SERVED ? selection : '');

export const PENDING_FIELDS = {
  /** inside CandidateMatch */
  matchSummary: on('summary'),
  /** inside RequirementMatch */
  requirementReason: on('reason'),
  /** inside CredentialRecommendation */
  recommendationRaises: on('raises { before after requirement { id level skill { id name } } }'),
} as const;
