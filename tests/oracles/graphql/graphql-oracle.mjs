// Reference oracle for Gatehouse's GraphQL parser (GraphQLOracleTests).
//
// stdin:  one JSON object per line: {"id", "document", "operationName"?}
// stdout: one JSON object per line, same order:
//   {"id", "ok", "error"?, "operations": [{"type", "name", "rootFields": [{"name", "alias"}]}], "selected"}
//
// What counts as an error, and why:
// - Anything graphql-js `parse` rejects (syntax).
// - The schema-independent document rules a server applies before it executes anything:
//   ExecutableDefinitions (no type-system definitions in a request), LoneAnonymousOperation,
//   UniqueOperationNames, UniqueFragmentNames, KnownFragmentNames, NoFragmentCycles. They run through
//   graphql-js `validate` itself, restricted to those rules; the placeholder schema is never consulted by them.
// - A document without any operation (graphql-js `execute` refuses it: "Must provide an operation.").
// Rules that need a schema (field existence, types, variable usage) and NoUnusedFragments are not applied:
// Gatehouse classifies requests without knowing the server's schema.
//
// rootFields: the operation's top-level fields after expanding fragment spreads and inline fragments on the
// root, in document order, nothing deduplicated, directives such as @skip ignored (a field that might be
// skipped still counts). `selected` is the index of the operation graphql-js `getOperationAST` would run for
// the given operationName (null when none or ambiguous).
import { createInterface } from 'node:readline';
import {
  buildSchema,
  ExecutableDefinitionsRule,
  getOperationAST,
  Kind,
  KnownFragmentNamesRule,
  LoneAnonymousOperationRule,
  NoFragmentCyclesRule,
  parse,
  UniqueFragmentNamesRule,
  UniqueOperationNamesRule,
  validate,
} from 'graphql';

const structuralRules = [
  ExecutableDefinitionsRule,
  LoneAnonymousOperationRule,
  UniqueOperationNamesRule,
  UniqueFragmentNamesRule,
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
];

const placeholderSchema = buildSchema('type Query { placeholder: Int }');

function rootFields(selectionSet, fragments, active, out) {
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        out.push({ name: selection.name.value, alias: selection.alias ? selection.alias.value : null });
        break;
      case Kind.INLINE_FRAGMENT:
        rootFields(selection.selectionSet, fragments, active, out);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // validate() has already refused unknown fragments and cycles; this is a second, independent guard.
        if (fragment === undefined) {
          throw new Error(`Unknown fragment "${name}".`);
        }
        if (active.has(name)) {
          throw new Error(`Cannot spread fragment "${name}" within itself.`);
        }
        active.add(name);
        rootFields(fragment.selectionSet, fragments, active, out);
        active.delete(name);
        break;
      }
      default:
        throw new Error(`Unexpected selection kind ${selection.kind}.`);
    }
  }
}

function examine(request) {
  let document;
  try {
    document = parse(request.document);
  } catch (error) {
    return { ok: false, error: String(error.message) };
  }

  const errors = validate(placeholderSchema, document, structuralRules);
  if (errors.length > 0) {
    return { ok: false, error: errors.map((e) => e.message).join(' | ') };
  }

  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) {
    return { ok: false, error: 'Must provide an operation.' };
  }

  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }

  try {
    const described = operations.map((operation) => {
      const fields = [];
      rootFields(operation.selectionSet, fragments, new Set(), fields);
      return { type: operation.operation, name: operation.name ? operation.name.value : null, rootFields: fields };
    });
    const chosen = getOperationAST(document, request.operationName ?? null);
    const selected = chosen ? operations.indexOf(chosen) : null;
    return { ok: true, operations: described, selected };
  } catch (error) {
    return { ok: false, error: String(error.message) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') {
    continue;
  }
  const request = JSON.parse(line);
  let result;
  try {
    result = examine(request);
  } catch (error) {
    // A crash inside graphql-js itself (e.g. RangeError on absurd nesting) is reported, never swallowed.
    result = { ok: false, error: `oracle crash: ${error.message}` };
  }
  process.stdout.write(JSON.stringify({ id: request.id, ...result }) + '\n');
}
