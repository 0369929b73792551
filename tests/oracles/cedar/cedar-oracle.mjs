// Reference oracle for Gatehouse.Cedar (tests/Gatehouse.Cedar.Tests/Oracle): the official Cedar engine,
// compiled to WebAssembly (@cedar-policy/cedar-wasm), run as one long-lived process.
//
// stdin:  one JSON object per line, one of
//   {"id", "kind": "authorize", "policies": "<Cedar text>", "entities": [<entity JSON>],
//    "request": {"principal": {type,id}, "action": {type,id}, "resource": {type,id}, "context": {…}}}
//   {"id", "kind": "validate", "policies": "<Cedar text>", "schema": "<.cedarschema text>" | {<JSON schema>}}
// stdout: one JSON object per line, in input order:
//   authorize: {"id", "ok": true, "decision": "allow"|"deny", "determining": [ids], "errors": [{"policyId", "message"}]}
//   validate:  {"id", "ok": true, "valid": bool, "errors": [{"policyId", "message"}]}
//   either, when the engine refuses the input as a whole (parse error, malformed entities, bad schema):
//              {"id", "ok": false, "error": "<messages>"}
//   a line that is not JSON, or a call cedar-wasm throws on (a bug in the harness, never an answer):
//              {"id", "ok": false, "protocolError": "<message>"}
//
// Numbers in the JSON: JSON.parse reads them as doubles, so integers beyond 2^53 in entities or context
// would reach cedar-wasm changed; callers keep such values to policy text.
//
// Policy ids: cedar-wasm names the policies of one text "policy0", "policy1", … in text order, as
// Gatehouse.Cedar's PolicySet.Parse does, so the ids compare directly.
import { createInterface } from 'node:readline';
import { isAuthorized, validate, getCedarVersion } from '@cedar-policy/cedar-wasm/nodejs';

function messages(errors) {
  return errors.map((e) => e.message).join('; ');
}

function authorize(input) {
  const request = input.request;
  const answer = isAuthorized({
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    context: request.context ?? {},
    policies: { staticPolicies: input.policies },
    entities: input.entities ?? [],
  });
  if (answer.type !== 'success') {
    return { ok: false, error: messages(answer.errors) };
  }
  const diagnostics = answer.response.diagnostics;
  return {
    ok: true,
    decision: answer.response.decision,
    determining: diagnostics.reason,
    errors: diagnostics.errors.map((e) => ({ policyId: e.policyId, message: e.error.message })),
  };
}

function check(input) {
  const answer = validate({
    validationSettings: { mode: 'strict' },
    schema: input.schema,
    policies: { staticPolicies: input.policies },
  });
  if (answer.type !== 'success') {
    return { ok: false, error: messages(answer.errors) };
  }
  return {
    ok: true,
    valid: answer.validationErrors.length === 0,
    errors: answer.validationErrors.map((e) => ({ policyId: e.policyId, message: e.error.message })),
  };
}

function answer(line) {
  let input;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return { id: null, ok: false, protocolError: `oracle input is not JSON: ${error.message}` };
  }
  try {
    const result = input.kind === 'validate' ? check(input) : authorize(input);
    return { id: input.id, ...result };
  } catch (error) {
    // cedar-wasm reports problems as answers; a throw means the call itself was malformed.
    return { id: input.id, ok: false, protocolError: `oracle call failed: ${error?.message ?? error}` };
  }
}

if (process.argv.includes('--version')) {
  process.stdout.write(`${getCedarVersion()}\n`);
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length === 0) {
      continue;
    }
    process.stdout.write(`${JSON.stringify(answer(line))}\n`);
  }
}
