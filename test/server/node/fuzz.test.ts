// Fuzz: thousands of random edits (cut blocks, stray braces, huge lines, binary junk) to a real
// template through the protocol; the server answers every request and never exits. Seeded, bounded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
} from 'vscode-languageserver-protocol';
import { renderRequest } from '../../../server/src/protocol';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_BENCH,
  EXAMPLE_MAC_CFG,
  ensureServerBuilt,
  startClient,
  writeWorkspace,
  type TestClient,
} from './helpers';

const EDITS = Number(process.env.FUZZ_EDITS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ws = writeWorkspace({
  'bench.yaml': EXAMPLE_BENCH,
  'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
let client: TestClient;
before(async () => {
  await ensureServerBuilt();
  client = await startClient(ws.uri(''), { validation: { delay: 0, fullDelay: 50 } });
});
after(async () => {
  await client?.dispose();
  ws.dispose();
});

test(`fuzz: ${EDITS} random edits, requests in between, the server survives`, { timeout: 60_000 }, async () => {
  const rnd = prng(SEED);
  const int = (n: number) => Math.floor(rnd() * n);
  const base = EXAMPLE_MAC_CFG + EXAMPLE_ACCOUNT.replace(/\{\{index\}\}/g, '{{inc @index}}');
  const uri = ws.uri('templates/yealink/mac.cfg.hbs');
  let doc = TextDocument.create(uri, 'provisioning-cfg-hbs', 1, base);
  client.open(uri, 'provisioning-cfg-hbs', base, 1);
  const junk = [
    '{{',
    '}}',
    '{{#each lines}}',
    '{{/each}}',
    '{{/if}}',
    '{{else}}',
    '{{>',
    '{{> account',
    '{{#if',
    '(',
    ')',
    '"',
    '{{!--',
    '--}}',
    '@index',
    '../',
    '{{{',
    '}}}',
    '=',
    '\n',
    'account.1.',
    '{{#each keys as |k i|}}',
    '{{lookup',
    '~}}',
    '{{~',
  ];
  const t0 = Date.now();
  let requests = 0;
  for (let i = 0; i < EDITS; i++) {
    const text = doc.getText();
    const a = int(text.length + 1);
    const b = Math.min(text.length, a + int(rnd() < 0.1 ? 400 : 20));
    let ins: string;
    const kind = int(10);
    if (kind < 3) ins = junk[int(junk.length)];
    else if (kind === 3)
      ins = text.slice(int(text.length), int(text.length)); // paste a random slice (possibly empty)
    else if (kind === 4)
      ins = Array.from({ length: 1 + int(40) }, () => String.fromCharCode(int(rnd() < 0.5 ? 32 : 0xffff))).join(''); // binary junk, lone surrogates
    else if (kind === 5 && rnd() < 0.05)
      ins = 'x'.repeat(20_000 + int(50_000)); // a huge line
    else if (kind === 6) ins = '';
    else ins = String.fromCharCode(97 + int(26));
    const range = { start: doc.positionAt(a), end: doc.positionAt(kind === 6 || kind === 3 ? b : a) };
    let next = TextDocument.applyEdits(doc, [{ range, newText: ins }]);
    let change: Parameters<TestClient['change']>[2] = [{ range, text: ins }];
    if (next.length > 150_000) {
      next = base;
      change = [{ text: base }];
    } // keep it bounded
    doc = TextDocument.create(uri, doc.languageId, doc.version + 1, next);
    client.change(uri, doc.version, change);
    if (i % 6 === 0) {
      const pos = doc.positionAt(int(next.length + 1));
      const td = { textDocument: { uri } };
      const pick = int(8);
      const req =
        pick === 0
          ? client.conn.sendRequest(CompletionRequest.type, { ...td, position: pos })
          : pick === 1
            ? client.conn.sendRequest(HoverRequest.type, { ...td, position: pos })
            : pick === 2
              ? client.conn.sendRequest(DefinitionRequest.type, { ...td, position: pos })
              : pick === 3
                ? client.conn.sendRequest(ReferencesRequest.type, { ...td, position: pos, context: { includeDeclaration: true } })
                : pick === 4
                  ? client.conn.sendRequest(DocumentSymbolRequest.type, td)
                  : pick === 5
                    ? client.conn.sendRequest(FoldingRangeRequest.type, td)
                    : pick === 6
                      ? client.conn.sendRequest(CodeActionRequest.type, {
                          ...td,
                          range: { start: pos, end: pos },
                          context: { diagnostics: [] },
                        })
                      : client.conn.sendRequest(renderRequest, { uri, version: doc.version, phone: 'reception' });
      await req; // rejects (fails the test) on an error answer
      requests++;
    }
  }
  // Still alive and consistent: the final version is validated and published.
  const last = await client.diagnostics(uri, doc.version, 20_000);
  assert.ok(Array.isArray(last));
  assert.ok(!client.exited(), client.stderr());
  const r = await client.conn.sendRequest(renderRequest, { uri, version: doc.version, phone: 'reception' });
  assert.equal(r.version, doc.version);
  assert.ok(Date.now() - t0 < 60_000);
  const errors = client.logs.filter((l) => /Error|uncaught|unhandled/.test(l));
  console.log(`fuzz: ${EDITS} edits, ${requests} requests in ${Date.now() - t0} ms; ${errors.length} handler exceptions logged`);
  for (const e of errors.slice(0, 5)) console.log(e.split('\n').slice(0, 4).join('\n'));
});
