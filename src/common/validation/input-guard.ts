import {
  DocumentNode,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { isUuid } from '../loaders/group-by';
import { ErrorCode } from '../errors/error-code.enum';

/** DateTime inputs must fall in these years (PostgreSQL and the engines are not asked about year −271821). */
export const MIN_DATE = new Date('1900-01-01T00:00:00.000Z');
export const MAX_DATE = new Date('2200-12-31T23:59:59.999Z');

/** ID arguments that are not UUIDs (`Type.field.argument`): the opaque handles of blind review. */
export const NON_UUID_ID_ARGUMENTS: ReadonlySet<string> = new Set(['Mutation.unmaskCandidate.handle']);

/** A request input the API refuses before anything runs: its path (e.g. `input.requirements[0].skillId`) and why. */
export interface InputProblem {
  field: string;
  message: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text value cannot be stored exactly as sent, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it has a lone surrogate, which cannot be stored as sent)';
  return null;
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, uuidIds: boolean): InputProblem | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path, uuidIds);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(type.ofType, value, path, uuidIds); // a single value coerced to a list
    for (let i = 0; i < value.length; i++) {
      const problem = checkValue(type.ofType, value[i], `${path}[${i}]`, uuidIds);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return null;
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const problem = checkValue(field.type, (value as Record<string, unknown>)[name], `${path}.${name}`, true);
      if (problem) return problem;
    }
    return null;
  }
  if (!isScalarType(type)) return null;
  if (typeof value === 'string') {
    const text = textProblem(value);
    if (text) return { field: path, message: `${path} ${text}` };
    if (type.name === 'ID' && uuidIds && !isUuid(value)) return { field: path, message: `${path} must be an id (a UUID)` };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || value < MIN_DATE || value > MAX_DATE) {
      return { field: path, message: `${path} must be a date-time between 1900-01-01 and 2200-12-31` };
    }
  }
  return null;
}

/**
 * The first argument value of the operation (literal or variable, nested input fields included)
 * that the API refuses up front: an ID that is not a UUID, a DateTime outside 1900–2200, text
 * with NUL or a lone surrogate (PostgreSQL would refuse the first and silently replace the
 * second). Walks the operation and each fragment once. `variables` are the coerced values.
 */
export function findInputProblem(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): InputProblem | null {
  let problem: InputProblem | null = null;
  const roots = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const root of roots) {
    const typeInfo = new TypeInfo(schema);
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          if (problem) return false;
          const argument = typeInfo.getArgument();
          if (!argument) return false;
          const directive = typeInfo.getDirective();
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          const key = directive ? `@${directive.name}.${argument.name}` : `${parent?.name}.${field?.name}.${argument.name}`;
          const value = valueFromAST(node.value, argument.type, variables);
          problem = checkValue(argument.type, value, node.name.value, !NON_UUID_ID_ARGUMENTS.has(key));
          return false;
        },
      }),
    );
    if (problem) break;
  }
  return problem;
}

/** BAD_USER_INPUT naming the field (HTTP 400). */
export function inputError(problem: InputProblem): GraphQLError {
  return new GraphQLError(problem.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: problem.field, http: { status: 400 } } });
}
