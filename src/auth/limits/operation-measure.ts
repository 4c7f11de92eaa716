import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLIncludeDirective,
  GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionNode,
  SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';

/** What one operation would cost, judged from its document alone. */
export interface OperationMeasure {
  /** deepest field (root fields are 1; `__typename` and the `__Type.ofType` wrapper chain add no level) */
  depth: number;
  /** the estimator's complexity, as graphql-query-complexity computes it (max over possible types) */
  complexity: number;
  /** aliased fields in the operation with its fragments expanded */
  aliases: number;
  /** root fields with root-level fragments expanded */
  rootFields: number;
}

interface SetMeasure {
  depth: number;
  complexity: number;
  aliases: number;
  fields: number;
}

type Variables = Record<string, unknown> | undefined;

/**
 * Measures an operation in time proportional to the document's size: each fragment is measured
 * once, however often it is spread (the doubling fragments `F(i) { ...F(i-1) ...F(i-1) }` expand
 * to 2^i fields but cost i steps). Sums can grow past 2^53 for such documents; they stay finite
 * numbers (at worst Infinity) and are compared against the caps, never iterated.
 *
 * Fragment cycles are refused by validation before this runs; a spread of a fragment that is
 * already being measured counts nothing.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  estimator: ComplexityEstimator,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, SetMeasure>();
  const active = new Set<string>();
  const empty: SetMeasure = { depth: 0, complexity: 0, aliases: 0, fields: 0 };

  const included = (node: SelectionNode): boolean => {
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
      return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
    } catch {
      return true; // a bad `if`: execution refuses it; until then the selection counts
    }
  };
  const possibleTypes = (type: GraphQLCompositeType): string[] => (isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name]);
  const fieldOf = (type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
  };
  const typeNamed = (name: string): GraphQLCompositeType | undefined => {
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  };

  const fragmentMeasure = (name: string): SetMeasure => {
    const cached = memo.get(name);
    if (cached) return cached;
    const fragment = fragments.get(name);
    const type = fragment && typeNamed(fragment.typeCondition.name.value);
    if (!fragment || !type || active.has(name)) return empty;
    active.add(name);
    const measure = measureSet(fragment.selectionSet, type);
    active.delete(name);
    memo.set(name, measure);
    return measure;
  };

  const measureField = (node: FieldNode, parent: GraphQLCompositeType): SetMeasure | null => {
    const name = node.name.value;
    if (name === '__typename') return { ...empty, aliases: node.alias ? 1 : 0, fields: 1 };
    const field = fieldOf(parent, name);
    if (!field) return null; // unknown fields are refused by validation
    const named = getNamedType(field.type);
    const children = node.selectionSet && isCompositeType(named) ? measureSet(node.selectionSet, named) : empty;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      args = {}; // bad argument values: execution refuses them with its own message
    }
    const complexity = estimator({ type: parent, field, node, args, childComplexity: children.complexity, context: undefined });
    // the wrapper chain `ofType { ofType { … } }` follows one type, it never fans out
    const level = parent.name === '__Type' && name === 'ofType' ? 0 : 1;
    return {
      depth: level + children.depth,
      complexity: typeof complexity === 'number' && !Number.isNaN(complexity) ? complexity : 0,
      aliases: (node.alias ? 1 : 0) + children.aliases,
      fields: 1,
    };
  };

  function measureSet(set: SelectionSetNode, type: GraphQLCompositeType): SetMeasure {
    const byType = new Map<string, number>();
    const add = (complexity: number, types: string[]): void => {
      for (const t of types) byType.set(t, (byType.get(t) ?? 0) + complexity);
    };
    const own = possibleTypes(type);
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      let part: SetMeasure | null;
      let types = own;
      if (selection.kind === Kind.FIELD) {
        part = measureField(selection, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : type;
        part = inner ? measureSet(selection.selectionSet, inner) : null;
        if (inner) types = possibleTypes(inner);
      } else {
        const fragment = fragments.get(selection.name.value);
        const inner = fragment && typeNamed(fragment.typeCondition.name.value);
        part = inner ? fragmentMeasure(selection.name.value) : null;
        if (inner) types = possibleTypes(inner);
      }
      if (!part) continue;
      depth = Math.max(depth, part.depth);
      aliases += part.aliases;
      fields += part.fields;
      add(part.complexity, types);
    }
    return { depth, complexity: Math.max(0, ...byType.values()), aliases, fields };
  }

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, complexity: 0, aliases: 0, rootFields: 0 };
  const measure = measureSet(operation.selectionSet, root);
  return { depth: measure.depth, complexity: measure.complexity, aliases: measure.aliases, rootFields: measure.fields };
}
