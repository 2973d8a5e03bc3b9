// The "Get Started" walkthrough (contributes.walkthroughs): its steps run and complete on real commands, its
// markdown exists and ships in the VSIX, and the per-vendor DHCP facts it gives match the vendor profiles.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROFILES, VENDOR_IDS } from '../../server/src/core/vendors';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown; altText?: string };
  completionEvents?: string[];
}
const walkthroughs = (pkg.contributes.walkthroughs ?? []) as { id: string; title: string; description: string; steps: Step[] }[];
const started = walkthroughs.find((w) => w.id === 'getStarted');
const steps = started?.steps ?? [];
const commandLinks = (text: string) => [...text.matchAll(/\(command:([\w.-]+)(?:\?[^)]*)?\)/g)].map((m) => m[1]);

test('walkthrough: Get Started has its steps in order, each completed by the command it is about', () => {
  assert.ok(started, 'contributes.walkthroughs has getStarted');
  assert.ok(started.title && started.description);
  assert.deepEqual(
    steps.map((s) => s.id),
    ['newProject', 'previewConfig', 'startDevServer', 'pointPhone', 'reprovision'],
  );
  assert.equal(new Set(steps.map((s) => s.id)).size, steps.length, 'step ids are unique');
  const completedBy = steps.map((s) => s.completionEvents?.[0]);
  assert.deepEqual(completedBy, [
    'onCommand:provisioningStudio.newTemplateProject',
    'onCommand:provisioningStudio.previewConfig',
    'onCommand:provisioningStudio.startDevServer',
    'onCommand:provisioningStudio.showRequestLog',
    'onCommand:provisioningStudio.reprovisionPhone',
  ]);
});

test('walkthrough: every completion event and every command link names a contributed command', () => {
  for (const s of steps) {
    assert.ok(s.title && s.description, `${s.id}: title and description`);
    assert.ok(s.completionEvents?.length, `${s.id}: completion events`);
    for (const e of s.completionEvents ?? []) {
      const m = /^onCommand:(.+)$/.exec(e);
      assert.ok(m, `${s.id}: ${e} is an onCommand event`);
      assert.ok(commands.has(m[1]), `${s.id}: ${m[1]} is a contributed command`);
    }
    const links = commandLinks(s.description);
    assert.ok(links.length, `${s.id}: its description has a button`);
    for (const c of links) assert.ok(commands.has(c), `${s.id}: link to ${c}`);
  }
});

test('walkthrough: each step shows existing markdown under walkthroughs/, whose command links exist', () => {
  for (const s of steps) {
    const md = s.media.markdown;
    assert.ok(md && /^walkthroughs\/[\w-]+\.md$/.test(md), `${s.id}: markdown media under walkthroughs/`);
    const file = join(ROOT, md);
    assert.ok(existsSync(file), `${md} exists`);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# \S/, `${md} starts with a heading`);
    for (const c of commandLinks(text)) assert.ok(commands.has(c), `${md}: link to ${c}`);
  }
});

test('walkthrough: the markdown ships in the VSIX (.vscodeignore does not exclude walkthroughs/)', () => {
  const rules = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const excluding = rules.filter((r) => !r.startsWith('!') && (/^walkthroughs\b/.test(r) || /^\*\*\/\*(\.md)?$/.test(r)));
  const reincluded = rules.some((r) => /^!walkthroughs\b/.test(r));
  assert.ok(!excluding.length || reincluded, `walkthroughs/ excluded by ${excluding.join(', ')}`);
});

test('walkthrough: "point a phone" names, for every vendor, the DHCP options its profile says it reads', () => {
  const text = readFileSync(join(ROOT, 'walkthroughs/point-phone.md'), 'utf8');
  for (const v of VENDOR_IDS) {
    const p = PROFILES[v];
    if (!p.dhcp) continue;
    const name = p.label.split(/[ (]/)[0];
    const line = text.split('\n').find((l) => l.toLowerCase().startsWith(`- **${name.toLowerCase()}`));
    assert.ok(line, `a DHCP line for ${name}`);
    for (const o of p.dhcp.options) assert.match(line, new RegExp(`\\b${o.code}\\b`), `${name}: option ${o.code}`);
  }
  assert.match(text, /provisioning-studio dhcp/);
});
