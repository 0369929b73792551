// SQL oracle: PostgreSQL's own parser (libpg_query, via npm's libpg-query) splits and names statements
// so the C# classifier's split and statement kinds can be checked against it.
// Input: JSON lines {"id","sql"} on stdin. Output: one JSON line per input line:
// {"id","ok",("error")?,"statements":[{"kind","text","location","length"}]}.
// A bad line never stops the run: it is answered with ok=false and the reason.
import { createInterface } from 'node:readline';
import { loadModule, parseSync } from 'libpg-query';

await loadModule();

function describe(sql) {
  const result = parseSync(sql);
  // libpg_query offsets count UTF-8 bytes; a statement with no length runs to the end of the input.
  const bytes = Buffer.from(sql, 'utf8');
  return (result.stmts ?? []).map((entry) => {
    const kinds = Object.keys(entry.stmt ?? {});
    const location = entry.stmt_location ?? 0;
    const end = entry.stmt_len ? location + entry.stmt_len : bytes.length;
    return {
      kind: kinds.length === 1 ? kinds[0] : kinds.join('|'),
      text: bytes.subarray(location, end).toString('utf8'),
      location,
      length: end - location,
    };
  });
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') {
    continue;
  }

  let id = null;
  let answer;
  try {
    const request = JSON.parse(line);
    id = request.id ?? null;
    if (typeof request.sql !== 'string') {
      throw new Error('the request has no "sql" string');
    }

    answer = { id, ok: true, statements: describe(request.sql) };
  } catch (error) {
    answer = { id, ok: false, error: String(error?.message ?? error), statements: [] };
  }

  process.stdout.write(JSON.stringify(answer) + '\n');
}
