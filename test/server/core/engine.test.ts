// One engine for every front end: what the editor flags is what `check` flags, what `render` prints is
// what the dev server serves. Each test drives two real front ends over the same workspace on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFiles } from '../../../server/src/core/files';
import { createLanguageService } from '../../../server/src/service/languageService';
import { checkWorkspace } from '../../../server/src/core/check';
import { cli, memoryWorkspace } from '../../helpers/workspace';
import { benchYaml, get, makeWorkspace, startServer, UA } from '../devserver/helpers';

/** `file:line:col code` of each problem `check` prints for a file. */
function checkLines(out: string, file: string): string[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith(`${file}:`))
    .map((l) => l.split(' ').slice(0, 1).concat(l.split(' ')[2]).join(' '))
    .sort();
}

function editorLines(dir: string, file: string, text: string): string[] {
  const ls = createLanguageService(pathToFileURL(dir).href, new DiskFiles(dir));
  const doc = TextDocument.create(pathToFileURL(`${dir}/${file}`).href, 'provisioning-cfg-hbs', 1, text);
  return ls
    .doValidation(doc)
    .map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)
    .sort();
}

/** The problems `check` prints and the editor shows for one template added to the test workspace. */
async function bothFrontEnds(file: string, text: string): Promise<{ fromCheck: string[]; fromEditor: string[] }> {
  const t = makeWorkspace(benchYaml(), { [file]: text });
  try {
    const res = await cli(['check', '--workspace', t.dir]);
    return { fromCheck: checkLines(res.out + res.err, file), fromEditor: editorLines(t.dir, file, text) };
  } finally {
    t.cleanup();
  }
}

test('a template no route serves: the editor and `check` report the same problems', async () => {
  const file = 'templates/yealink/extra.cfg.hbs';
  const text = '#!version:1.0.0.1\naccount.1.lable = {{phone.nmae}}\nlocal_time.ntp_server1 = {{vars.ntp}}\n';
  const { fromCheck, fromEditor } = await bothFrontEnds(file, text);
  assert.ok(
    fromCheck.some((l) => l.endsWith(' unknown-path')),
    `check finds the misspelt path: ${fromCheck}`,
  );
  assert.ok(
    fromCheck.some((l) => l.endsWith(' unknown-key')),
    `check renders the unserved template for a Yealink phone: ${fromCheck}`,
  );
  assert.deepEqual(fromEditor, fromCheck);
});

test('a missing partial is one problem, in `check` and in the editor', async () => {
  const file = 'templates/yealink/common.cfg.hbs';
  const text = '#!version:1.0.0.1\n{{> nothere}}\nlocal_time.ntp_server1 = {{vars.ntp}}\n';
  const { fromCheck, fromEditor } = await bothFrontEnds(file, text);
  assert.deepEqual(fromCheck, [`${file}:2:5 missing-partial`]);
  assert.deepEqual(fromEditor, fromCheck);
});

test('`render --port` prints the bytes the dev server serves on that port; `--url` replaces the base', async () => {
  // the bench says port 8080; the server really listens on a free port (0)
  const t = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 8080 }'));
  const running = await startServer(t.ws, { port: 0 });
  try {
    const served = await get(running.base, '/805e0c112233.boot', UA.yealink);
    assert.equal(served.status, 200);
    assert.match(served.text, new RegExp(`http://127\\.0\\.0\\.1:${running.port}/805e0c112233\\.cfg`));
    const rendered = await cli([
      'render',
      '--workspace',
      t.dir,
      '--phone',
      'yea-t46s',
      '--path',
      '/805e0c112233.boot',
      '--port',
      String(running.port),
    ]);
    assert.equal(rendered.code, 0, rendered.err);
    assert.equal(rendered.out, served.text);
    const bench = await cli(['render', '--workspace', t.dir, '--phone', 'yea-t46s', '--path', '/805e0c112233.boot']);
    assert.match(bench.out, /http:\/\/127\.0\.0\.1:8080\/805e0c112233\.cfg/, 'without overrides the bench decides');
    const url = await cli([
      'render',
      '--workspace',
      t.dir,
      '--phone',
      'yea-t46s',
      '--path',
      '/805e0c112233.boot',
      '--url',
      'https://prov.example.test/p/',
    ]);
    assert.match(url.out, /"https:\/\/prov\.example\.test\/p\/805e0c112233\.cfg"/);
    const bad = await cli(['render', '--workspace', t.dir, '--phone', 'yea-t46s', '--path', '/805e0c112233.boot', '--port', 'eighty']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--port: 'eighty' is not a port number/);
  } finally {
    await running.stop();
    t.cleanup();
  }
  assert.equal(t.ws.serverAddress, undefined, 'stopping the dev server gives the bench back its say');
});

test('pathological nesting (30 partials of 300 nested blocks): check reports it, never throws', () => {
  const files: Record<string, string> = {
    'bench.yaml': 'pbx: { host: x }\nphones:\n  - { mac: 805e0c000001, vendor: yealink, model: T54W, name: a, lines: [] }\n',
    'templates/yealink/mac.cfg.hbs': '#!version:1.0.0.1\n{{> p0}}\n',
  };
  for (let i = 0; i < 30; i++) {
    files[`templates/yealink/partials/p${i}.cfg.hbs`] =
      '{{#if phone}}'.repeat(300) + (i < 29 ? `{{> p${i + 1}}}` : '') + '{{/if}}'.repeat(300);
  }
  const problems = checkWorkspace(memoryWorkspace(files));
  const deep = problems.filter((p) => p.code === 'render-limit' || p.code === 'render-error');
  assert.ok(deep.length, JSON.stringify([...new Set(problems.map((p) => p.code))]));
  assert.match(deep[0].message, /nest too deeply|ran out of stack/);
});
