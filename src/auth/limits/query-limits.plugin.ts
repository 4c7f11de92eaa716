import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { complexityEstimator, containsNul, limitError, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, operationDepth } from './query-limits';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Refuses, before anything runs, operations deeper than `maxDepth` or costlier than
 * `maxComplexity` (graphql-query-complexity with `complexityEstimator`), and text with NUL
 * characters (which PostgreSQL cannot store): BAD_USER_INPUT naming the limit, HTTP 400.
 */
export function queryLimitsPlugin(limits: QueryLimits = { maxDepth: MAX_QUERY_DEPTH, maxComplexity: MAX_QUERY_COMPLEXITY }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          if (containsNul(document, request.variables)) throw limitError('Text input must not contain NUL (\\u0000) characters', {});
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          const depth = operationDepth(operation, fragments);
          if (depth > limits.maxDepth) {
            throw limitError(`Query depth ${depth} exceeds the maximum of ${limits.maxDepth}`, { depth, maxDepth: limits.maxDepth });
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [complexityEstimator],
            });
          } catch (error) {
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
              throw limitError(`Query too complex: ${error.message}`, { maxComplexity: limits.maxComplexity });
            }
            // bad variable values: execution reports them with their own message
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (complexity > limits.maxComplexity) {
            throw limitError(`Query complexity ${complexity} exceeds the maximum of ${limits.maxComplexity} (lists cost their \`first\`; ranking, matching and pathway fields cost more)`, {
              complexity,
              maxComplexity: limits.maxComplexity,
            });
          }
        },
      };
    },
  };
}
