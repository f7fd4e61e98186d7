// The five rule shapes on json-rules-engine (npm), for the Lodestone benchmark suite (bench/run.sh).
// Usage: node peer.js LISTFILE ROUNDS  (LISTFILE: one fact-set path per line)
// Prints one JSON line: {"counts": [[pair, claimRef, occupied, tranches, scoreFindings, score], ...],
// "usPerSet": [round medians...]}. Files are parsed before timing, like the Java peers' objects.
// json-rules-engine evaluates one set of facts per run and has no joins: each rule runs once per
// candidate tuple (every pair of the joined types), the way the engine is used for relational checks.
'use strict';
const fs = require('fs');
const { Engine } = require('json-rules-engine');

function spread(a, b) {
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return lo === 0 ? (hi === 0 ? 0 : Infinity) : (hi - lo) / lo;
}

function engine(rules) {
  const e = new Engine([], { allowUndefinedFacts: true });
  e.addOperator('spreadAbove25', (a, b) => spread(a, b) > 0.25);
  e.addOperator('spreadAbove10', (a, b) => spread(a, b) > 0.1);
  e.addOperator('spreadAbove05', (a, b) => spread(a, b) > 0.05);
  e.addOperator('idGreater', (a, b) => a > b);
  e.addOperator('isNumber', (a, yes) => (typeof a === 'number') === yes);
  for (const r of rules) e.addRule(r);
  return e;
}

const live = { fact: 'd', path: '$.status', operator: 'notIn', value: ['rejected', 'abandoned'] };
const same = (x, y, field) => ({ fact: x, path: '$.' + field, operator: 'equal', value: { fact: y, path: '$.' + field } });

const pairEngine = engine([{ conditions: { all: [
  same('a', 'b', 'donor'), same('a', 'b', 'recipient'), same('a', 'b', 'measure'),
  { fact: 'b', path: '$.id', operator: 'idGreater', value: { fact: 'a', path: '$.id' } },
  { fact: 'a', path: '$.amountUsd', operator: 'spreadAbove25', value: { fact: 'b', path: '$.amountUsd' } },
] }, event: { type: 'pair' } }]);

const claimEngine = engine([{ conditions: { all: [
  { fact: 'c', path: '$.value', operator: 'isNumber', value: true },
  { fact: 'r', path: '$.value', operator: 'isNumber', value: true },
  { any: [{ fact: 'c', path: '$.kind', operator: 'equal', value: null },
          { fact: 'c', path: '$.kind', operator: 'in', value: ['fact', 'estimate'] }] },
  same('c', 'r', 'subject'), same('c', 'r', 'property'),
  { fact: 'c', path: '$.value', operator: 'spreadAbove10', value: { fact: 'r', path: '$.value' } },
] }, event: { type: 'claim-ref' } }]);

const occupiedEngine = engine([{ conditions: { all: [
  live,
  { fact: 'p', path: '$.occupied', operator: 'equal', value: true },
  { fact: 'd', path: '$.parties', operator: 'contains', value: { fact: 'p', path: '$.country' } },
  { fact: 'd', path: '$.resources', operator: 'contains', value: { fact: 'p', path: '$.mineral' } },
] }, event: { type: 'occupied' } }]);

const trancheEngine = engine([{ conditions: { all: [
  { fact: 'trancheStats', path: '$.n', operator: 'greaterThan', value: 0 },
  { fact: 'trancheStats', path: '$.sum', operator: 'spreadAbove05', value: { fact: 'f', path: '$.amountUsd' } },
] }, event: { type: 'tranches' } }]);
trancheEngine.addFact('trancheStats', async (params, almanac) => {
  const f = await almanac.factValue('f');
  const ts = await almanac.factValue('tranches');
  let n = 0, sum = 0;
  for (const t of ts) {
    if (t.donor === f.donor && t.recipient === f.recipient && t.measure === f.measure) { n++; sum += t.amountUsd; }
  }
  return { n, sum };
});

const issuerIn = { fact: 'd', path: '$.parties', operator: 'contains', value: { fact: 'p', path: '$.issuer' } };
const scoreEngine = engine([
  { conditions: { all: [live, issuerIn,
    { fact: 'p', path: '$.priorities', operator: 'contains', value: 'economic-return' },
    { fact: 'd', path: '$.beneficiaryShare', operator: 'greaterThan', value: 0 }] }, event: { type: 'score', params: { weight: 2 } } },
  { conditions: { all: [live, issuerIn,
    { fact: 'p', path: '$.priorities', operator: 'contains', value: 'recover-past-spending' },
    { fact: 'd', path: '$.repaysPastAid', operator: 'equal', value: true }] }, event: { type: 'score', params: { weight: 1 } } },
  { conditions: { all: [live, issuerIn,
    { fact: 'p', path: '$.priorities', operator: 'contains', value: 'no-open-ended-commitment' },
    { fact: 'd', path: '$.securityGuarantees', operator: 'equal', value: true },
    { any: [{ fact: 'd', path: '$.beneficiaryShare', operator: 'equal', value: null },
            { fact: 'd', path: '$.beneficiaryShare', operator: 'equal', value: 0 }] }] }, event: { type: 'score', params: { weight: -2 } } },
]);

function load(file) {
  const by = { AidFigure: [], AidTranche: [], Claim: [], Reference: [], Deal: [], Deposit: [], Policy: [] };
  for (const f of JSON.parse(fs.readFileSync(file, 'utf8')).facts) {
    if (by[f.type]) {
      // absent optional fields are null, as in the Java objects
      for (const k of ['kind', 'beneficiaryShare', 'value']) if (!(k in f)) f[k] = null;
      by[f.type].push(f);
    }
  }
  return by;
}

async function evaluate(s) {
  const c = [0, 0, 0, 0, 0, 0];
  for (const a of s.AidFigure) for (const b of s.AidFigure) {
    if (a !== b) c[0] += (await pairEngine.run({ a, b })).events.length;
  }
  for (const cl of s.Claim) for (const r of s.Reference) {
    c[1] += (await claimEngine.run({ c: cl, r })).events.length;
  }
  for (const d of s.Deal) {
    for (const p of s.Deposit) {
      if ((await occupiedEngine.run({ d, p })).events.length > 0) { c[2]++; break; }
    }
  }
  for (const f of s.AidFigure) c[3] += (await trancheEngine.run({ f, tranches: s.AidTranche })).events.length;
  for (const p of s.Policy) for (const d of s.Deal) {
    for (const e of (await scoreEngine.run({ p, d })).events) { c[4]++; c[5] += e.params.weight; }
  }
  return c;
}

async function main() {
  const [listFile, roundsArg] = process.argv.slice(2);
  const sets = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean).map(load);
  const counts = [];
  for (const s of sets) counts.push(await evaluate(s)); // also the warm-up
  const rounds = Number(roundsArg || 5);
  const usPerSet = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const s of sets) await evaluate(s);
    usPerSet.push(Number(process.hrtime.bigint() - t0) / 1000 / sets.length);
  }
  process.stdout.write(JSON.stringify({ counts, usPerSet }) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
