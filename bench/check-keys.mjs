// Benchmark: a 1,500-key Yealink `key = value` file checked for 50 phones (50 × checkOutput with a
// per-phone model), median of several runs, beside two baselines: the reader alone, and the same
// checks with a naive matcher that scans every compiled pattern for every key.
// Run: node --import tsx bench/check-keys.mjs [runs]
import { performance } from 'node:perf_hooks';
import { compileCatalog, getCatalog } from '../server/src/core/catalog/catalogs.ts';
import { checkOutput } from '../server/src/core/catalog/check.ts';
import { readOutput } from '../server/src/core/catalog/readers/index.ts';
import { derivedCatalog, prng } from '../test/server/core/catalog/helpers.ts';

const RUNS = Number(process.argv[2] ?? 7);
const KEYS = 1500,
  PHONES = 50;
const catalog = getCatalog('yealink') ?? derivedCatalog('yealink');
const rnd = prng(42);
const pick = (n) => Math.floor(rnd() * n);

function sampleValue(def) {
  if (def.default !== undefined) return def.default;
  switch (def.type) {
    case 'bool':
      return catalog.bool.true[0];
    case 'int':
      return String(def.min ?? 0);
    case 'enum':
      return def.values?.[0]?.value ?? '';
    case 'port':
      return '5060';
    case 'ip':
      return '10.0.0.1';
    case 'host':
      return 'pbx.example.com';
    case 'url':
      return 'https://prov.example.com/yealink/';
    default:
      return 'x';
  }
}

// 1,500 distinct keys (random valid indices), ~1% typos (drop a letter) so suggestions run too.
const lines = new Map();
for (let guard = 0; lines.size < KEYS && guard < KEYS * 20; guard++) {
  const def = catalog.keys[pick(catalog.keys.length)];
  let key = def.key.replace(/\{(\w+)\}/g, (_, n) => {
    const idx = catalog.indices[n] ?? { min: 1, max: 4 };
    return String(idx.min + pick(Math.min(idx.max, idx.min + 5) - idx.min + 1));
  });
  if (rnd() < 0.01) {
    const i = 1 + pick(key.length - 2);
    key = key.slice(0, i) + key.slice(i + 1);
  }
  if (!lines.has(key)) lines.set(key, sampleValue(def));
}
const models = ['T46S', 'T41S', 'T54W', 'T27G', 'T58', 'CP960', 'W60B', 'T33G', 'T21P', 'T48U'];
const phones = Array.from({ length: PHONES }, (_, p) => ({
  model: models[p % models.length],
  text: '#!version:1.0.0.1\n' + [...lines].map(([k, v]) => `${k} = ${k.endsWith('.label') ? `Phone ${p}` : v}`).join('\n') + '\n',
}));

// Naive baseline matcher: every compiled pattern tried in turn (no prefix index).
const compiled = compileCatalog(catalog);
const naiveMatch = (key) => {
  for (const cp of compiled.patterns) {
    const m = cp.names.length ? cp.re.exec(key) : cp.pattern === key ? [] : null;
    if (m) return cp;
  }
  return undefined;
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(fn) {
  const out = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const t0 = performance.now();
const first = checkOutput(phones[0].text, {
  format: 'yealink-cfg',
  vendor: 'yealink',
  catalog,
  model: phones[0].model,
  header: '#!version:1.0.0.1',
});
const cold = performance.now() - t0;

let problems = 0;
const check = time(() => {
  problems = 0;
  for (const ph of phones)
    problems += checkOutput(ph.text, {
      format: 'yealink-cfg',
      vendor: 'yealink',
      catalog,
      model: ph.model,
      header: '#!version:1.0.0.1',
    }).length;
});
const reader = time(() => {
  for (const ph of phones) readOutput('yealink-cfg', ph.text);
});
const naive = time(() => {
  for (const ph of phones) for (const e of readOutput('yealink-cfg', ph.text).entries) naiveMatch(e.key);
});

const f = (ms) => `${ms.toFixed(1).padStart(8)} ms`;
console.log(
  `catalog: ${catalog.vendor} (${catalog.keys.length} keys${getCatalog('yealink') ? '' : ', derived stand-in'}); file: ${lines.size} keys, ${phones[0].text.length} chars; ${PHONES} phones; median of ${RUNS} runs`,
);
console.log(`first checkOutput (compiles the catalog):     ${f(cold)}  (${first.length} problems)`);
console.log(`checkOutput × ${PHONES} (skeleton-indexed matcher):  ${f(check)}  (${problems} problems in all)`);
console.log(`baseline: reader alone × ${PHONES}:               ${f(reader)}  → checks cost ${(check / reader).toFixed(1)}× the raw read`);
console.log(`baseline: reader + naive linear matcher × ${PHONES}: ${f(naive)}  → ${(naive / check).toFixed(1)}× slower than checkOutput`);
