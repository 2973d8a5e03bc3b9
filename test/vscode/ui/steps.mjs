// Playwright drive of the INSTALLED VSIX in code-server, as a list of small steps.
//
// Each step is { name, run(ctx), timeout? } and counts as one test in the runner's
// "N passed, N failed" line. Steps run in order against one page; after each step the runner
// saves test-results/vscode/NN-<name>.png. The first failing step saves 99-failure.png and stops
// the drive (later steps depend on the UI state), so keep steps small and independent-ish.
//
// ctx:
//   page       playwright-core Page (1400x900) on http://127.0.0.1:<port>/?folder=<workspace>
//   ui         Workbench helpers (./workbench.mjs): ready(), explorerRows(), openFile(rel),
//              runCommand('Category: Title'), problems({ waitFor }), editorText(), waitForText(sel, t),
//              findListRow(container, text), notifications(), webviewFrame(sel), screenshot(name)
//   ext        { id, name, publisher, displayName, version, commands: [{command, title, category}] }
//   workspace  absolute path of the throw-away copy of test/vscode/fixture
//   assert     node:assert/strict
//   log(msg)   prints an indented line under the step
//
// Add a step by appending to `steps`, e.g.
//   step('preview config', async ({ ui, assert }) => {
//     await ui.openFile('templates/yealink/y000000000000.cfg');
//     await ui.runCommand('Provisioning: Preview Config');
//     const f = await ui.webviewFrame('#preview');
//     assert.match(await f.textContent('#preview'), /account\.1\.enable/);
//   });
//   step('shows a diagnostic', async ({ ui }) => { await ui.problems({ waitFor: /PS\d+:/ }); });

import fs from 'node:fs';
import path from 'node:path';
import { escapeRe } from './workbench.mjs';

export const steps = [];

/**
 * Starts the dev server from the command palette, reads the URL phones use from the request log, and fetches
 * reception-t54w's MAC file with its real User-Agent (200). Returns that URL.
 */
async function startDevServerAndFetchReception(ui, page, assert) {
  await ui.runCommand('Provisioning: Start Dev Server');
  const out = page
    .locator('.part.panel .monaco-editor .view-lines')
    .filter({ hasText: /phones\suse/ })
    .first();
  await out.waitFor({ timeout: 20_000 });
  const url = /phones use (\S+?);?\s/.exec((await out.innerText()).replace(/\u00a0/g, ' ') + ' ')?.[1];
  assert.ok(url, 'server URL in the request log');
  const res = await fetch(`${url.replace(/\/$/, '')}/805e0c112233.cfg`, {
    headers: { 'User-Agent': 'Yealink SIP-T54W 96.86.0.70 80:5e:0c:11:22:33' },
  });
  assert.equal(res.status, 200);
  return url;
}

/** Registers a step. `opts.timeout` (ms, default 60 s) caps it. */
export function step(name, run, opts = {}) {
  steps.push({ name, run, timeout: opts.timeout ?? 60_000 });
}

step('workbench and Explorer ready', async ({ ui, assert }) => {
  await ui.ready();
  const rows = await ui.explorerRows();
  assert.ok(
    rows.some((r) => /bench\.yaml/.test(r)),
    `Explorer rows: ${JSON.stringify(rows)}`,
  );
});

step('open bench.yaml via Quick Open', async ({ ui }) => {
  await ui.openFile('bench.yaml');
});

step('installed extension is running', async ({ ui, ext, assert, log }) => {
  // The runtime-extensions editor lists activated extensions only.
  await ui.runCommand('Developer: Show Running Extensions');
  const label = ext.displayName || ext.name;
  const row = await ui.findListRow('.runtime-extensions-editor', label);
  assert.match(row, new RegExp(`${escapeRe(label)}[\\s\\S]*Activation`), `row: ${row}`);
  log(`running: ${label} (${ext.id}@${ext.version})`);
});

step('Problems panel opens', async ({ ui, log }) => {
  const rows = await ui.problems();
  log(`${rows.length} Problems row(s)`);
});

// ---- Provisioning Studio features (installed VSIX) ---------------------------------------------

step('template gets the provisioning-cfg-hbs language', async ({ ui, page, assert }) => {
  await ui.openFile('templates/yealink/mac.cfg.hbs');
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.filter({ hasText: 'Provisioning Template (cfg)' }).waitFor({ timeout: 20_000 });
  assert.match(await mode.innerText(), /Provisioning Template \(cfg\)/);
});

step('Preview Config from the palette renders for the picked phone', async ({ ui, log, assert }) => {
  await ui.hidePanel(); // room for the editors (and a clean screenshot for the docs)
  await ui.runCommand('Provisioning: Preview Config', 30_000, { keepOpen: true });
  await ui.pickQuickItem('alice-t46s');
  const text = await ui.editorTexts({ waitFor: /account\.1\.user_name = 101/ });
  assert.match(text, /#!version:1\.0\.0\.1/);
  assert.doesNotMatch(text, /\{\{/, 'the preview shows rendered text, not the template');
  const tabs = await ui.tabs();
  assert.ok(
    tabs.some((t) => t.includes('001565f429a4.cfg')),
    `preview tab named after the served file; tabs: ${tabs}`,
  );
  log(`tabs: ${tabs.join(', ')}`);
  await ui.screenshot('preview-beside-template');
});

step('the preview refreshes after an edit', async ({ ui, page }) => {
  // click into the template editor (first group), append a line without auto-closing/suggestions
  // click the template's last line (view-line elements are positioned, not in document order), then End
  const lines = page.locator('.editor-group-container').first().locator('.monaco-editor .view-line');
  const tops = await lines.evaluateAll((els) => els.map((e) => parseFloat(e.style.top) || 0));
  await lines.nth(tops.indexOf(Math.max(...tops))).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('custom.preview_probe = {{phone.name}}-{{model.id}}');
  await ui.editorTexts({ waitFor: /custom\.preview_probe = alice-t46s-T46S/ });
  await ui.screenshot('preview-live-edit');
  // unsaved edits would be restored (hot exit) into the in-host suite's window: revert
  await ui.runCommand('File: Revert File');
});

step('Provisioning Bench view lists the bench phones', async ({ ui, page }) => {
  const header = page
    .locator('.pane-header')
    .filter({ hasText: /Provisioning Bench/i })
    .first();
  await header.waitFor({ state: 'visible', timeout: 20_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  for (const name of ['reception-t54w', 'alice-t46s', 'bob-vvx400']) {
    await page.locator('.monaco-list-row').filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
  }
  await ui.waitForText('.monaco-list-row', /reception-t54w\s*yealink T54W/);
  await ui.screenshot('bench-view');
});

step('mustaches are highlighted inside XML attribute values', async ({ ui, page, assert }) => {
  await ui.openFile('templates/poly/phone.xml.hbs');
  await ui.editorTexts({ waitFor: /address="\{\{extension\}\}"/ });
  // tokenization is asynchronous (grammars load on demand): poll until the line has coloured tokens
  const readSpans = () =>
    page.$$eval('.editor-group-container .monaco-editor .view-line', (lines) => {
      const line = lines.find((l) => l.textContent.includes('address="{{extension}}"'));
      return line ? [...line.querySelectorAll('span > span')].map((s) => [s.textContent, s.className]) : [];
    });
  let spans = [];
  for (const end = Date.now() + 20_000; Date.now() < end;) {
    spans = await readSpans();
    if (new Set(spans.map(([, c]) => c.split(' ')[0])).size > 2) break;
    await page.waitForTimeout(200); // polling interval
  }
  const idx = spans.findIndex(([t]) => t === 'extension');
  assert.ok(idx > 0, `no separate token for "extension": ${JSON.stringify(spans.slice(0, 12))}`);
  const quote = spans
    .slice(0, idx)
    .reverse()
    .find(([t]) => t.includes('"'));
  assert.ok(quote, 'no string token before the mustache');
  assert.notEqual(spans[idx][1], quote[1], `mustache path coloured like the string: ${JSON.stringify(spans.slice(0, idx + 2))}`);
});

step("Problems shows the broken template's diagnostic", async ({ ui, log }) => {
  await ui.openFile('templates/yealink/mac.cfg.hbs'); // the preview follows back to this template
  await ui.openFile('templates/yealink/broken.cfg.hbs');
  const rows = await ui.problems({ waitFor: /hbs-syntax|Parse error|Expecting/i, timeout: 40_000 });
  log(
    rows
      .filter((r) => /broken|hbs/.test(r))
      .slice(0, 3)
      .join(' | '),
  );
  await ui.screenshot('problems-diagnostic');
});

step('Compare Phones from the palette opens a diff', async ({ ui, page }) => {
  await ui.hidePanel();
  await ui.openFile('templates/yealink/mac.cfg.hbs');
  await ui.runCommand('Provisioning: Compare Phones', 30_000, { keepOpen: true });
  await ui.waitForQuickInputTitle('1/2');
  await ui.pickQuickItem('reception-t54w', 30_000, { keepOpen: true });
  await ui.waitForQuickInputTitle('2/2');
  await ui.pickQuickItem('alice-t46s');
  await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.tabs-container .tab.active').filter({ hasText: 'reception-t54w ↔ alice-t46s' }).first().waitFor({ timeout: 20_000 });
  await ui.screenshot('compare-phones');
});

step("Show Routes lists each phone's files and templates", async ({ ui, page }) => {
  await ui.runCommand('Provisioning: Show Routes', 30_000, { keepOpen: true });
  await ui.waitForQuickInputTitle('Provisioning Routes');
  await ui.waitForText('.quick-input-list .monaco-list-row', /805e0c112233\.cfg[\s\S]*templates\/yealink\/mac\.cfg\.hbs/);
  await ui.screenshot('show-routes');
  await page.keyboard.press('Escape');
});

step('3CX template: Preview Config renders the Yealink file for lab-t57w', async ({ ui, page, assert, log }) => {
  await ui.hidePanel();
  await ui.runCommand('View: Close All Editors'); // a clean two-editor layout for the docs screenshot
  await ui.openFile('templates/3cx/yealink-t5x.ph.xml');
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.filter({ hasText: '3CX Phone Template' }).waitFor({ timeout: 20_000 });
  // scroll the template to its <deviceconfig> body
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('84');
  await page.keyboard.press('Enter');
  await ui.editorTexts({ waitFor: /account\.1\.user_name = %%extension_number%%/ });
  // the selected phone (alice-t46s) is not one the template serves: the picker offers lab-t57w
  await ui.runCommand('Provisioning: Preview Config', 30_000, { keepOpen: true });
  await ui.pickQuickItem('lab-t57w');
  const text = await ui.editorTexts({ waitFor: /account\.1\.user_name = 107/ });
  assert.match(text, /#!version:1\.0\.0\.1/);
  assert.doesNotMatch(text, /%%/, 'the preview shows rendered text, not the template');
  const tabs = await ui.tabs();
  assert.ok(
    tabs.some((t) => t.includes('805e0c575701.cfg')),
    `preview tab named after the served file; tabs: ${tabs}`,
  );
  log(`tabs: ${tabs.join(', ')}`);
  await page.keyboard.press('Control+B'); // side bar off: room for both editors
  await page
    .locator('.part.sidebar')
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
  // let the editors repaint
  await page.evaluate(() => new Promise((r) => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(r))));
  await ui.screenshot('3cx-preview');
});

step('3CX variables are highlighted inside CDATA and attribute values', async ({ page, assert }) => {
  // tokenization is asynchronous: poll until the lines have coloured tokens
  const readSpans = (needle) =>
    page.$$eval(
      '.editor-group-container .monaco-editor .view-line',
      (lines, n) => {
        const line = lines.find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(n));
        return line ? [...line.querySelectorAll('span > span')].map((s) => [s.textContent.replace(/\u00a0/g, ' '), s.className]) : [];
      },
      needle,
    );
  const separate = async (needle, token) => {
    let spans = [];
    for (const end = Date.now() + 20_000; Date.now() < end;) {
      spans = await readSpans(needle);
      if (spans.findIndex(([t]) => t === token) > 0) break; // a token of its own: the grammar ran
      await page.waitForTimeout(200); // polling interval
    }
    const idx = spans.findIndex(([t]) => t === token);
    assert.ok(idx > 0, `no separate token for "${token}": ${JSON.stringify(spans.slice(0, 12))}`);
    return { spans, idx };
  };
  // in the CDATA body: the variable name is coloured unlike the literal text before it
  const body = await separate('account.1.user_name = %%extension_number%%', 'extension_number');
  assert.notEqual(body.spans[body.idx][1], body.spans[0][1], `variable coloured like the body: ${JSON.stringify(body.spans)}`);
  // {IF …} lines: the keyword is a token of its own
  await separate('{IF network=REMOTESTUN}', 'IF');
  // in an attribute value (line 85, on screen since the previous step): unlike the string's quote
  const attr = await separate('filename="%%mac_address%%.cfg"', 'mac_address');
  const quote = attr.spans
    .slice(0, attr.idx)
    .reverse()
    .find(([t]) => t.includes('"'));
  assert.ok(quote, 'no string token before the variable');
  assert.notEqual(
    attr.spans[attr.idx][1],
    quote[1],
    `variable coloured like the string: ${JSON.stringify(attr.spans.slice(0, attr.idx + 2))}`,
  );
  await page.keyboard.press('Control+B'); // side bar back (the bench view is used next)
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 5_000 });
});

step('Start Dev Server: a phone fetch shows in the request log and the bench view', async ({ ui, page, assert, log }) => {
  const url = await startDevServerAndFetchReception(ui, page, assert);
  await page
    .locator('.part.panel .monaco-editor .view-lines')
    .filter({ hasText: /reception-t54w\sGET\s\/805e0c112233\.cfg\s200/ })
    .first()
    .waitFor({ timeout: 20_000 });
  await ui.waitForText('.monaco-list-row', /reception-t54w[\s\S]*current/);
  log(`served ${url}/805e0c112233.cfg`);
  await ui.screenshot('dev-server-request-log');
  // a phone that is not on the bench knocks: the bench view lists it under "Not on the bench"
  const stranger = await fetch(`${url.replace(/\/$/, '')}/805ec0782965.cfg`, {
    headers: { 'User-Agent': 'Yealink SIP-T46U 108.86.0.20 80:5e:c0:78:29:65' },
  });
  assert.equal(stranger.status, 404);
  await ui.waitForText('.monaco-list-row', /Not on the bench/);
  await ui.waitForText('.monaco-list-row', /80:5e:c0:78:29:65[\s\S]*yealink T46U 108\.86\.0\.20/i);
  await ui.screenshot('bench-not-on-bench');
  await ui.runCommand('Provisioning: Stop Dev Server');
});

step("Show Effective Configuration: each key's final value and the template line that set it", async ({ ui, assert }) => {
  await ui.hidePanel();
  await ui.runCommand('Provisioning: Show Effective Configuration', 30_000, { keepOpen: true });
  await ui.pickQuickItem('reception-t54w');
  const text = await ui.editorTexts({ waitFor: /account\.1\.user_name\s+100\s+templates\/yealink/ });
  assert.match(text, /files, in the order applied/);
  assert.doesNotMatch(text, /p&ss<w>/, 'passwords masked');
  await ui.screenshot('effective-configuration');
});

step("bench view: the firmware a phone reports against the bench's pin", async ({ ui, page, workspace, assert, log }) => {
  // pin T54W to a newer image than the phone reports (the image exists: no bench-firmware-file problem)
  const bench = path.join(workspace, 'bench.yaml');
  const before = fs.readFileSync(bench, 'utf8');
  const image = path.join(workspace, 'firmware/T54W-96.86.0.100.rom');
  fs.mkdirSync(path.dirname(image), { recursive: true });
  fs.writeFileSync(image, 'not a real image\n');
  fs.writeFileSync(bench, `firmware: { T54W: T54W-96.86.0.100.rom }\n${before}`);
  try {
    await startDevServerAndFetchReception(ui, page, assert);
    const row = await ui.waitForText('.monaco-list-row', /reception-t54w[\s\S]*firmware 96\.86\.0\.70 \(pinned 96\.86\.0\.100\)/);
    log(row.replace(/\s+/g, ' '));
    // the row carries the warning icon (reported firmware differs from the pin)
    await page
      .locator('.monaco-list-row')
      .filter({ hasText: 'reception-t54w' })
      .locator('.codicon-warning')
      .first()
      .waitFor({ timeout: 10_000 });
    await ui.hidePanel();
    await ui.runCommand('View: Close All Editors');
    await ui.runCommand('Notifications: Clear All Notifications');
    // widen the side bar so the row's description reads in full, then put it back
    const box = await page.locator('.part.sidebar').boundingBox();
    const drag = async (from, to) => {
      await page.mouse.move(from, box.y + 300);
      await page.mouse.down();
      await page.mouse.move(to, box.y + 300, { steps: 5 });
      await page.mouse.up();
    };
    await drag(box.x + box.width, 1000);
    await page.mouse.move(1200, 600); // off the sash (it highlights under the mouse)
    await ui.screenshot('bench-firmware');
    const wide = await page.locator('.part.sidebar').boundingBox();
    await drag(wide.x + wide.width, box.x + box.width);
    await ui.runCommand('Provisioning: Stop Dev Server');
  } finally {
    fs.writeFileSync(bench, before);
    fs.rmSync(path.dirname(image), { recursive: true, force: true });
  }
});

step('Get Started walkthrough opens with its steps', async ({ ui, page, assert }) => {
  await ui.hidePanel();
  await ui.runCommand('View: Close All Editors');
  await ui.runCommand('Notifications: Clear All Notifications');
  await ui.runCommand('Welcome: Open Walkthrough...', 30_000, { keepOpen: true });
  await ui.pickQuickItem('Get Started with Provisioning Studio');
  const titles = [
    'Create a template project',
    'Preview the file a phone receives',
    'Start the dev server',
    'Point a phone at the server',
    'Reprovision after an edit',
  ];
  for (const t of titles) {
    await page
      .locator('.gettingStartedContainer .getting-started-step')
      .filter({ hasText: t })
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
  }
  const header = await page.locator('.gettingStartedContainer').first().innerText();
  assert.match(header, /Get Started with Provisioning Studio/);
  // the first step is expanded: its walkthroughs/new-project.md media renders beside the list
  await page.locator('.gettingStartedContainer .getting-started-media').first().waitFor({ state: 'visible', timeout: 20_000 });
  await ui.screenshot('walkthrough');
});
