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

import { escapeRe } from './workbench.mjs';

export const steps = [];

/** Registers a step. `opts.timeout` (ms, default 60 s) caps it. */
export function step(name, run, opts = {}) {
  steps.push({ name, run, timeout: opts.timeout ?? 60_000 });
}

step('workbench and Explorer ready', async ({ ui, assert }) => {
  await ui.ready();
  const rows = await ui.explorerRows();
  assert.ok(rows.some((r) => /bench\.yaml/.test(r)), `Explorer rows: ${JSON.stringify(rows)}`);
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
