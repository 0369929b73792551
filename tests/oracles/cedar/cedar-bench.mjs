// The cedar-wasm half of bench/cedar-vs-wasm.sh: reads the workload Gatehouse.Benchmarks wrote
// (policies.cedar, entities.json, requests.json in DIR), parses the policy set once with preparsePolicySet,
// then times statefulIsAuthorized per decision the way the Gatehouse half does: one pass over all requests per
// sample, divided by their count, median of the samples.
// Usage: node cedar-bench.mjs DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparsePolicySet, statefulIsAuthorized } from '@cedar-policy/cedar-wasm/nodejs';

const directory = process.argv[2];
const policies = readFileSync(join(directory, 'policies.cedar'), 'utf8');
const entities = JSON.parse(readFileSync(join(directory, 'entities.json'), 'utf8'));
const requests = JSON.parse(readFileSync(join(directory, 'requests.json'), 'utf8'));

const parsed = preparsePolicySet('bench', { staticPolicies: policies });
if (parsed.type !== 'success') {
  throw new Error(`cedar-wasm could not parse the workload: ${JSON.stringify(parsed.errors)}`);
}

// statefulIsAuthorized takes the entity store on every call, and converting it costs time in proportion to its
// size (about 23 µs per entity here). To time the engine rather than that transfer, each request also gets only its
// slice: the entities it names, their ancestors, and the entities their attributes point at, transitively.
const byKey = new Map(entities.map((entity) => [key(entity.uid), entity]));
function key(uid) { return `${uid.type}::${uid.id}`; }
function references(value, found) {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) { value.forEach((item) => references(item, found)); return; }
  if (value.__entity) { found.push(value.__entity); return; }
  if (typeof value.type === 'string' && typeof value.id === 'string') found.push(value);
  Object.values(value).forEach((item) => references(item, found));
}
function slice(request) {
  const pending = [request.principal, request.action, request.resource];
  references(request.context, pending);
  const seen = new Map();
  while (pending.length > 0) {
    const uid = pending.pop();
    const k = key(uid);
    if (seen.has(k) || !byKey.has(k)) continue;
    const entity = byKey.get(k);
    seen.set(k, entity);
    pending.push(...entity.parents);
    references(entity.attrs, pending);
    references(entity.tags, pending);
  }
  return [...seen.values()];
}

const mode = process.env.ENTITIES ?? 'full';
const storeFor = new Map(requests.map((request) => [request, mode === 'slice' ? slice(request) : entities]));

function decide(request) {
  const answer = statefulIsAuthorized({ ...request, preparsedPolicySetId: 'bench', entities: storeFor.get(request) });
  if (answer.type !== 'success') {
    throw new Error(`cedar-wasm refused a request: ${JSON.stringify(answer.errors)}`);
  }
  return answer.response.decision === 'allow';
}

let allowed = 0;
for (const request of requests) {
  allowed += decide(request) ? 1 : 0;
}

const rounds = Number(process.env.ROUNDS ?? 15);
for (let i = 0; i < 3; i++) {
  requests.forEach(decide);
}

const samples = [];
for (let round = 0; round < rounds; round++) {
  const start = process.hrtime.bigint();
  requests.forEach(decide);
  samples.push(Number(process.hrtime.bigint() - start) / 1000 / requests.length);
}

samples.sort((a, b) => a - b);
process.stdout.write(`cedar-wasm entities=${mode} median_us=${samples[Math.floor(rounds / 2)].toFixed(3)} allowed=${allowed}/${requests.length}\n`);
