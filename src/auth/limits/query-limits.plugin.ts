import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues } from 'graphql';
import { findInputProblem, inputError } from '../../common/validation/input-guard';
import { measureOperation } from './operation-measure';
import { complexityEstimator, containsNul, limitError, MAX_QUERY_ALIASES, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, MAX_ROOT_FIELDS } from './query-limits';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
  maxRootFields: number;
}

const DEFAULT_LIMITS: QueryLimits = { maxDepth: MAX_QUERY_DEPTH, maxComplexity: MAX_QUERY_COMPLEXITY, maxAliases: MAX_QUERY_ALIASES, maxRootFields: MAX_ROOT_FIELDS };

/**
 * Refuses, before anything runs, operations deeper than `maxDepth`, costlier than
 * `maxComplexity` (`complexityEstimator`, introspection included), with more than `maxAliases`
 * aliases or `maxRootFields` root fields, and text with NUL characters (which PostgreSQL cannot
 * store): BAD_USER_INPUT naming the limit, HTTP 400. Then argument values the API refuses up
 * front (`findInputProblem`): BAD_USER_INPUT naming the field. The document is measured in one pass with
 * each fragment measured once (`measureOperation`), so judging it takes time linear in its size.
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          if (containsNul(document, request.variables)) throw limitError('Text input must not contain NUL (\\u0000) characters', {});
          // bad variable values: execution reports them with their own message, before anything runs
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          const measure = measureOperation(schema, document, operation, coerced.coerced, complexityEstimator);
          if (measure.depth > limits.maxDepth) {
            throw limitError(`Query depth ${measure.depth} exceeds the maximum of ${limits.maxDepth}`, { depth: measure.depth, maxDepth: limits.maxDepth });
          }
          if (measure.rootFields > limits.maxRootFields) {
            throw limitError(`Query has ${measure.rootFields} root fields, more than the maximum of ${limits.maxRootFields}`, {
              rootFields: measure.rootFields,
              maxRootFields: limits.maxRootFields,
            });
          }
          if (measure.aliases > limits.maxAliases) {
            throw limitError(`Query has ${measure.aliases} aliases, more than the maximum of ${limits.maxAliases}`, { aliases: measure.aliases, maxAliases: limits.maxAliases });
          }
          if (measure.complexity > limits.maxComplexity) {
            throw limitError(
              `Query complexity ${measure.complexity} exceeds the maximum of ${limits.maxComplexity} (lists cost their \`first\`; ranking, matching and pathway fields cost more)`,
              { complexity: measure.complexity, maxComplexity: limits.maxComplexity },
            );
          }
          // ids that are not UUIDs, dates outside 1900–2200, text PostgreSQL cannot store as sent
          if (!coerced.errors) {
            const problem = findInputProblem(schema, document, operation, coerced.coerced);
            if (problem) throw inputError(problem);
          }
        },
      };
    },
  };
}
