// Show Effective Configuration, inside the extension host: the phone's keys with their final values and
// the template line that set them, secrets masked.
'use strict';

const assert = require('assert');
const vscode = require('vscode');

const { activeExtension } = require('./helpers');

suite('Effective configuration', () => {
  suiteSetup(async () => {
    await activeExtension();
  });

  test("Show Effective Configuration lists the phone's keys, who set them, what they overrode; passwords masked", async () => {
    const doc = await vscode.commands.executeCommand('provisioningStudio.showEffectiveConfig', 'reception-t54w');
    assert.ok(doc && doc.uri.scheme === 'provisioning-effective', 'a read-only document');
    const text = doc.getText();
    assert.match(text, /^reception-t54w {2}yealink T54W {2}805e0c112233$/m);
    assert.match(text, /files, in the order applied \(the later file wins/);
    assert.match(text, /^account\.1\.user_name +100 +templates\/yealink\/partials\/account\.cfg\.hbs:\d+/m);
    assert.match(text, /^account\.1\.password +\*{8} /m);
    assert.ok(!text.includes('p&ss<w>'), 'the password is never shown');
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document === doc),
      'shown beside the editor',
    );
  });
});
