import {
  GraphQLField,
  GraphQLInputField,
  GraphQLNamedType,
  GraphQLSchema,
  astFromValue,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
} from 'graphql';

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isScalarType(type)) return 'scalar';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  return 'unknown';
}

function defaultOf(field: GraphQLInputField | { defaultValue?: unknown; type: GraphQLInputField['type'] }): string {
  if (field.defaultValue === undefined) return '';
  const ast = astFromValue(field.defaultValue, field.type);
  return ast ? ` = ${print(ast)}` : '';
}

/**
 * Every difference between the contract and the served schema, as readable lines; parts named in
 * `pending` (types, or `Type.field`) are not required yet.
 */
export function contractDifferences(contract: GraphQLSchema, served: GraphQLSchema, pending: { types: string[]; fields: string[] }): string[] {
  const problems: string[] = [];
  const pendingTypes = new Set(pending.types);
  const pendingFields = new Set(pending.fields);
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__') || pendingTypes.has(type.name)) continue;
    const actual = served.getType(type.name);
    if (!actual) {
      problems.push(`missing type ${type.name}`);
      continue;
    }
    if (kindOf(actual) !== kindOf(type)) {
      problems.push(`${type.name} is a ${kindOf(actual)}, contract says ${kindOf(type)}`);
      continue;
    }
    if (isEnumType(type) && isEnumType(actual)) {
      const values = new Set(actual.getValues().map((v) => v.name));
      for (const v of type.getValues()) if (!values.has(v.name)) problems.push(`enum ${type.name} lacks ${v.name}`);
    }
    if ((isObjectType(type) && isObjectType(actual)) || (isInterfaceType(type) && isInterfaceType(actual))) {
      const fields = actual.getFields();
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const key = `${type.name}.${field.name}`;
        if (pendingFields.has(key)) continue;
        const got = fields[field.name];
        if (!got) {
          problems.push(`missing field ${key}`);
          continue;
        }
        if (String(got.type) !== String(field.type)) problems.push(`${key}: ${String(got.type)}, contract says ${String(field.type)}`);
        const args = new Map(got.args.map((a) => [a.name, a]));
        for (const arg of field.args) {
          const gotArg = args.get(arg.name);
          if (!gotArg) {
            problems.push(`${key} lacks argument ${arg.name}`);
            continue;
          }
          const want = `${String(arg.type)}${defaultOf(arg)}`;
          const have = `${String(gotArg.type)}${defaultOf(gotArg)}`;
          if (want !== have) problems.push(`${key}(${arg.name}): ${have}, contract says ${want}`);
        }
        for (const extra of got.args) {
          if (!field.args.some((a) => a.name === extra.name) && String(extra.type).endsWith('!') && extra.defaultValue === undefined) {
            problems.push(`${key} adds a required argument ${extra.name}`);
          }
        }
      }
    }
    if (isInputObjectType(type) && isInputObjectType(actual)) {
      const fields = actual.getFields();
      for (const field of Object.values(type.getFields())) {
        const got = fields[field.name];
        const key = `${type.name}.${field.name}`;
        if (!got) {
          problems.push(`missing input field ${key}`);
          continue;
        }
        const want = `${String(field.type)}${defaultOf(field)}`;
        const have = `${String(got.type)}${defaultOf(got)}`;
        if (want !== have) problems.push(`${key}: ${have}, contract says ${want}`);
      }
      for (const extra of Object.values(fields)) {
        if (!type.getFields()[extra.name] && String(extra.type).endsWith('!') && extra.defaultValue === undefined) {
          problems.push(`${type.name} adds a required input field ${extra.name}`);
        }
      }
    }
  }
  return problems;
}
