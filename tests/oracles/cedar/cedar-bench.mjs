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

function decide(request) {
  const answer = statefulIsAuthorized({ ...request, preparsedPolicySetId: 'bench', entities });
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
process.stdout.write(`cedar-wasm median_us=${samples[Math.floor(rounds / 2)].toFixed(3)} allowed=${allowed}/${requests.length}\n`);
