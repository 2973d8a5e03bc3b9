// Generates the benchmark workspace: a 50-phone Yealink bench and a 1,500-key template
// (accounts and line keys from the bench, the rest literal keys drawn from the Yealink catalog).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog, instantiate } from '../../server/src/core/catalog/catalogs.ts';

const MODELS = ['T54W', 'T46S', 'T57W', 'T48S', 'T53W'];

export function benchYaml(phones = 50) {
  const lines = ['pbx: { host: pbx.bench.test, port: 5060 }', 'vars: { timezone: Europe/Paris, ntp: pool.ntp.org }', 'phones:'];
  for (let i = 0; i < phones; i++) {
    const mac = `805e0c${(0x1000000 + i).toString(16).slice(1)}`;
    lines.push(`  - mac: ${mac}`, '    vendor: yealink', `    model: ${MODELS[i % MODELS.length]}`, `    name: phone-${i}`, '    lines:');
    for (let l = 0; l < 2; l++)
      lines.push(`      - { extension: "${1000 + i * 2 + l}", display_name: "User ${i}.${l}", password: "pw-${i}-${l}" }`);
    lines.push('    keys:');
    for (let k = 0; k < 6; k++) lines.push(`      - { type: blf, value: "${2000 + k}", label: "Key ${k}" }`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A Yealink template of about `keys` keys: generated lines from the bench plus literal catalog keys. With
 * `problems`, a few lines that every check finds: a misspelt key (one problem naming every phone), a value
 * out of range for some phones only, and a value that differs per phone (one problem per phone).
 */
export function template(keys = 1500, { problems = false } = {}) {
  const cat = getCatalog('yealink');
  const out = [
    '#!version:1.0.0.1',
    '{{#each lines}}',
    'account.{{inc @index}}.enable = 1',
    'account.{{inc @index}}.label = {{default label display_name extension}}',
    'account.{{inc @index}}.user_name = {{extension}}',
    'account.{{inc @index}}.password = {{password}}',
    'account.{{inc @index}}.sip_server.1.address = {{@root.pbx.host}}',
    '{{/each}}',
    '{{#each keys}}',
    'linekey.{{inc @index}}.type = 16',
    'linekey.{{inc @index}}.value = {{value}}',
    'linekey.{{inc @index}}.label = {{label}}',
    '{{/each}}',
    'local_time.time_zone_name = {{vars.timezone}}',
    'local_time.ntp_server1 = {{vars.ntp}}',
    ...(problems
      ? [
          'local_time.time_zonee = 1',
          'phone_setting.backlight_time = {{#if (eq phone.model "T54W")}}-5{{else}}30{{/if}}',
          'auto_redial.interval = {{phone.name}}',
        ]
      : []),
  ];
  const seen = new Set(['local_time.time_zone_name', 'local_time.ntp_server1', 'phone_setting.backlight_time', 'auto_redial.interval']);
  for (const def of cat.keys) {
    if (out.length >= keys) break;
    if (def.deprecated || def.type === 'password' || def.models) continue;
    const key = instantiate(def.key, Object.fromEntries(Object.keys(cat.indices).map((n) => [n, cat.indices[n].min])));
    if (seen.has(key) || /^(account|linekey)\./.test(key)) continue;
    seen.add(key);
    const value =
      def.default ??
      (def.type === 'bool' ? '0' : def.type === 'int' ? String(def.min ?? 0) : def.type === 'enum' ? def.values[0].value : '');
    out.push(`${key} = ${value}`);
  }
  return out.join('\n') + '\n';
}

export function writeWorkspace(dir, { phones = 50, keys = 1500, problems = false } = {}) {
  mkdirSync(join(dir, 'templates/yealink'), { recursive: true });
  writeFileSync(join(dir, 'bench.yaml'), benchYaml(phones));
  writeFileSync(join(dir, 'templates/yealink/mac.cfg.hbs'), template(keys, { problems }));
  return dir;
}

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
