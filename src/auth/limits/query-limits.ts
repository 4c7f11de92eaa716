import { DocumentNode, GraphQLError, visit } from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../../common/errors/error-code.enum';

/** Deepest nesting of fields allowed in one operation (a root field is depth 1). */
export const MAX_QUERY_DEPTH = 10;
/** Aliased fields allowed in one operation (fragments expanded). */
export const MAX_QUERY_ALIASES = 30;
/** Root fields allowed in one operation (root-level fragments expanded). */
export const MAX_ROOT_FIELDS = 20;
/** Complexity budget of one operation (see `complexityEstimator`). */
export const MAX_QUERY_COMPLEXITY = 5000;

/**
 * Fields that run the matching or pathway engines cost more than the default 1. Their children
 * are multiplied by `first` like any list.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.rankCandidates': 50,
  'Query.matchCandidate': 20,
  'Query.skillGap': 20,
  'Query.recommendCredentials': 50,
  'Query.planPathway': 100,
  'Query.renewals': 20,
  'Query.replayRanking': 100,
  'Query.impactReport': 100,
  'Query.biasAudit': 100,
  'Query.extractSkills': 5,
  'Mutation.createJobFromText': 5,
  'Candidate.skillProfile': 5,
  'Pathway.steps': 10,
  'Pathway.startScore': 5,
  'Pathway.projectedScore': 5,
};

/**
 * Expected sizes of unpaginated lists that fan out in the taxonomy (a broad ESCO skill has
 * hundreds of narrower ones); other unpaginated lists count once.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Skill.narrower': 10,
  'Skill.related': 5,
  'Occupation.essentialSkills': 10,
  'Occupation.optionalSkills': 10,
  'SkillNeighborhood.nodes': 20,
  'SkillNeighborhood.edges': 20,
  // introspection: a type's lists fan out under each other (`types { fields { type { fields … } } }`)
  '__Type.fields': 10,
  '__Type.inputFields': 10,
  '__Type.enumValues': 10,
  '__Type.possibleTypes': 10,
  '__Type.interfaces': 3,
  '__Field.args': 3,
  '__Directive.args': 3,
};

/**
 * cost(field) = FIELD_COSTS[field] (default 1) + multiplier × cost(children), where the multiplier
 * is `first` for paginated lists (the number of `texts` for resolveSkills), LIST_SIZES for lists
 * that fan out, else 1. Introspection fields are priced the same way (the schema's list of types
 * counts once: it is the answer's size, not a fan-out).
 */
export const complexityEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  const base = FIELD_COSTS[key] ?? 1;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : null;
  const texts = Array.isArray(args.texts) ? Math.max(1, args.texts.length) : null;
  return base + (first ?? texts ?? LIST_SIZES[key] ?? 1) * childComplexity;
};

/** BAD_USER_INPUT for a request over a limit (HTTP 400). */
export function limitError(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details, http: { status: 400 } } });
}

/**
 * Whether a request carries a NUL character in a string (a variable value or a string literal of
 * the document): PostgreSQL cannot store one in text, so such input is refused up front.
 */
export function containsNul(document: DocumentNode, variables: unknown): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  const scan = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return value.includes('\u0000');
    if (depth > 64 || value === null || typeof value !== 'object') return false;
    return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || scan(v, depth + 1));
  };
  return found || scan(variables, 0);
}
