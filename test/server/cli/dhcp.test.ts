// `provisioning-studio dhcp`: the DHCP options that point the bench's phones at the dev server, per DHCP server syntax.
// Each format is checked on its real syntax; where the DHCP server itself is installed (dhcpd, dnsmasq, kea-dhcp4),
// it checks the output too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../helpers/workspace';
import { PROFILES, VENDOR_IDS } from '../../../server/src/core/vendors';

const PHONES = {
  yealink: '  - { mac: "805e0c000001", vendor: yealink, model: T54W, name: y1, lines: [{ extension: "101" }] }',
  cisco: '  - { mac: "00562b000002", vendor: cisco, model: CP-8841-3PCC, name: c1, lines: [{ extension: "102" }] }',
  snom: '  - { mac: "000413000003", vendor: snom, model: D785, name: s1, lines: [{ extension: "103" }] }',
  poly: '  - { mac: "0004f2000004", vendor: poly, model: VVX400, name: p1, lines: [{ extension: "104" }] }',
};

function bench(server: string, vendors: (keyof typeof PHONES)[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-dhcp-'));
  const phones = vendors.length ? `phones:\n${vendors.map((v) => PHONES[v]).join('\n')}\n` : 'phones: []\n';
  writeFileSync(join(dir, 'bench.yaml'), `pbx: { host: pbx.test }\nserver: ${server}\n${phones}`);
  return dir;
}

const LAN = bench('{ host: 0.0.0.0, port: 8080, url: "http://192.168.1.10:8080" }', ['yealink', 'cisco']);
const dhcp = (dir: string, ...args: string[]) => cli(['dhcp', ...args], dir);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Run a DHCP server's own configuration check on a file; undefined when it is not installed. */
function serverCheck(cmd: string, args: string[], text: string, name: string): { status: number | null; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'ps-dhcp-check-')), name);
  writeFileSync(file, text);
  const r = spawnSync(cmd, [...args, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('dhcp data: every vendor but generic says which options its phones read, each fact with a source', () => {
  for (const v of VENDOR_IDS) {
    const d = PROFILES[v].dhcp;
    if (v === 'generic') {
      assert.equal(d, undefined);
      continue;
    }
    assert.ok(d && d.options.length, `${v} has DHCP options`);
    for (const o of [...d.options, ...(d.notPrinted ?? [])]) {
      assert.ok(Number.isInteger(o.code) && o.code > 0 && o.code < 255, `${v} ${o.code}`);
      assert.ok(o.source.length > 20, `${v} ${o.code} has a source`);
    }
    for (const o of d.options) if (o.value === 'file') assert.ok(o.file, `${v} ${o.code} names its file`);
  }
  const codes = (v: keyof typeof PROFILES) => PROFILES[v].dhcp!.options.map((o) => o.code);
  assert.deepEqual(codes('poly'), [160, 66], 'Poly: custom option 160, then 66');
  assert.deepEqual(codes('cisco'), [66, 160, 150], 'Cisco: the order of DHCP_Option_To_Use');
  assert.deepEqual(codes('snom'), [66, 67]);
  for (const v of ['yealink', 'grandstream', 'fanvil'] as const) assert.deepEqual(codes(v), [66], v);
});

test('dhcp --format isc: custom options are declared before they are used; 66 is tftp-server-name; only bench vendors', async () => {
  const res = await dhcp(LAN, '--format', 'isc');
  assert.equal(res.code, 0, res.err);
  const lines = res.out.split('\n');
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  assert.ok(at(/^option tftp-server-name "http:\/\/192\.168\.1\.10:8080";$/) >= 0, res.out);
  const decl160 = at(/^option option-160 code 160 = text;$/);
  const use160 = at(/^option option-160 "http:\/\/192\.168\.1\.10:8080";$/);
  assert.ok(decl160 >= 0 && use160 > decl160, 'option 160 declared, then given');
  const decl150 = at(/^option option-150 code 150 = array of ip-address;$/);
  const use150 = at(/^option option-150 192\.168\.1\.10;$/);
  assert.ok(decl150 >= 0 && use150 > decl150, 'option 150 declared, then given');
  assert.equal(at(/bootfile-name/), -1, 'no snom on this bench: no option 67');
  // every line is a comment, blank, or one statement ending in ';'
  for (const l of lines) assert.ok(l === '' || l.startsWith('#') || /^option [a-z0-9-]+ .+;( {2}#.*)?$/.test(l), l);
  assert.match(res.out, /^# 66 {2}Yealink: /m);
  assert.match(res.out, /^# 160 {2}Cisco SPA \/ MPP \(3PCC\): /m);
  assert.doesNotMatch(res.out, /Poly|Grandstream|Fanvil/, 'only the vendors on the bench');
  assert.equal((await dhcp(LAN)).out, res.out, 'isc is the default format');
});

test('dhcp --format isc: dhcpd -t accepts it', { skip: !has('dhcpd') && 'dhcpd not installed' }, async () => {
  const res = await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "http://192.168.1.10:8080/p" }', ['yealink', 'cisco', 'snom', 'poly']));
  assert.equal(res.code, 0, res.err);
  const conf = `${res.out}subnet 192.168.1.0 netmask 255.255.255.0 { range 192.168.1.100 192.168.1.200; }\n`;
  const check = serverCheck('dhcpd', ['-t', '-cf'], conf, 'dhcpd.conf');
  assert.equal(check.status, 0, check.output);
});

test('dhcp --format dnsmasq: one dhcp-option line per code, strings quoted', async () => {
  const dir = bench('{ host: 0.0.0.0, port: 8080, url: "http://192.168.1.10:8080" }', ['yealink', 'cisco', 'snom']);
  const res = await dhcp(dir, '--format', 'dnsmasq');
  assert.equal(res.code, 0, res.err);
  const options = res.out.split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(
    options.map((l) => l.replace(/ {2}#.*$/, '')),
    [
      'dhcp-option=66,"http://192.168.1.10:8080"',
      'dhcp-option=67,"snom{model}.htm"',
      'dhcp-option=150,192.168.1.10',
      'dhcp-option=160,"http://192.168.1.10:8080"',
    ],
  );
  if (has('dnsmasq')) {
    const check = serverCheck('dnsmasq', ['--test', '-C'], res.out, 'dnsmasq.conf');
    assert.equal(check.status, 0, check.output);
  }
});

test('dhcp --format kea: JSON with option-def for the codes Kea does not know, option-data in space dhcp4', async () => {
  const res = await dhcp(LAN, '--format', 'kea');
  assert.equal(res.code, 0, res.err);
  const kea = JSON.parse(res.out) as {
    Dhcp4: {
      'option-def': { name: string; code: number; type: string; space: string }[];
      'option-data': { name: string; code: number; space: string; data: string }[];
    };
  };
  const defs = kea.Dhcp4['option-def'];
  assert.deepEqual(
    defs.map((d) => [d.code, d.type, d.space]),
    [
      [150, 'ipv4-address', 'dhcp4'],
      [160, 'string', 'dhcp4'],
    ],
  );
  const data = kea.Dhcp4['option-data'];
  assert.deepEqual(
    data.map((d) => [d.code, d.name, d.data]),
    [
      [66, 'tftp-server-name', 'http://192.168.1.10:8080'],
      [150, 'option-150', '192.168.1.10'],
      [160, 'option-160', 'http://192.168.1.10:8080'],
    ],
  );
  for (const d of data) {
    assert.equal(d.space, 'dhcp4');
    if (d.code !== 66)
      assert.ok(
        defs.some((x) => x.name === d.name && x.code === d.code),
        `${d.name} is defined`,
      );
  }
  if (has('kea-dhcp4')) {
    const conf = {
      Dhcp4: { ...kea.Dhcp4, subnet4: [{ id: 1, subnet: '192.168.1.0/24', pools: [{ pool: '192.168.1.100-192.168.1.200' }] }] },
    };
    const check = serverCheck('kea-dhcp4', ['-t'], JSON.stringify(conf), 'kea-dhcp4.conf');
    assert.equal(check.status, 0, check.output);
  }
});

test("dhcp --format mikrotik: /ip dhcp-server option add with RouterOS's '…' quoting, and an option set", async () => {
  const res = await dhcp(LAN, '--format', 'mikrotik');
  assert.equal(res.code, 0, res.err);
  const lines = res.out.split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(lines, [
    '/ip dhcp-server option',
    `add code=66 name=provisioning-66 value="'http://192.168.1.10:8080'"`,
    `add code=150 name=provisioning-150 value="'192.168.1.10'"`,
    `add code=160 name=provisioning-160 value="'http://192.168.1.10:8080'"`,
    '/ip dhcp-server option sets',
    'add name=provisioning options=provisioning-66,provisioning-150,provisioning-160',
  ]);
  // a value RouterOS cannot take in quotes ($ starts a variable) goes as hex
  const odd = await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "http://pbx.lab/a$b" }', ['yealink']), '--format', 'mikrotik');
  assert.match(odd.out, new RegExp(`^add code=66 name=provisioning-66 value=0x${Buffer.from('http://pbx.lab/a$b').toString('hex')}$`, 'm'));
});

test('dhcp --format json: options with vendors, notes and sources; --all: every vendor with DHCP data', async () => {
  const res = await dhcp(LAN, '--format', 'json');
  assert.equal(res.code, 0, res.err);
  const plan = JSON.parse(res.out) as {
    url: string;
    vendors: string[];
    options: { code: number; value: string; vendors: string[]; sources: string[] }[];
    notPrinted: { code: number; vendors: string[] }[];
  };
  assert.equal(plan.url, 'http://192.168.1.10:8080');
  assert.deepEqual(plan.vendors, ['yealink', 'cisco']);
  assert.deepEqual(
    plan.options.map((o) => [o.code, o.vendors]),
    [
      [66, ['yealink', 'cisco']],
      [150, ['cisco']],
      [160, ['cisco']],
    ],
  );
  for (const o of plan.options) assert.equal(o.sources.length, o.vendors.length);
  assert.ok(plan.notPrinted.some((n) => n.code === 43 && n.vendors.includes('yealink')));
  const all = JSON.parse((await dhcp(LAN, '--format', 'json', '--all')).out) as typeof plan;
  assert.deepEqual(all.vendors, ['yealink', 'poly', 'cisco', 'grandstream', 'snom', 'fanvil']);
  assert.deepEqual(
    all.options.map((o) => o.code),
    [66, 67, 150, 160],
  );
  assert.deepEqual(all.options.find((o) => o.code === 160)!.vendors, ['poly', 'cisco']);
});

test('dhcp: the URL built from server host, port, tls and path_prefix; --url and --host/--port override it', async () => {
  const dir = bench('{ host: 10.0.0.5, port: 8443, tls: { self_signed: true }, path_prefix: prov }', ['poly']);
  const res = await dhcp(dir, '--format', 'dnsmasq');
  assert.equal(res.code, 0, res.err);
  assert.match(res.out, /^dhcp-option=160,"https:\/\/10\.0\.0\.5:8443\/prov"$/m);
  assert.match(res.out, /^dhcp-option=66,"https:\/\/10\.0\.0\.5:8443\/prov"$/m);
  const url = await dhcp(dir, '--format', 'dnsmasq', '--url', 'http://prov.lab.test:8080');
  assert.match(url.out, /^dhcp-option=66,"http:\/\/prov\.lab\.test:8080"$/m);
  const hostPort = await dhcp(dir, '--format', 'dnsmasq', '--host', '10.0.0.9', '--port', '9000');
  assert.match(hostPort.out, /^dhcp-option=66,"https:\/\/10\.0\.0\.9:9000\/prov"$/m);
});

test('dhcp: a server URL naming a host leaves out the TFTP list (150), and says why', async () => {
  const res = await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "http://prov.lab.test:8080" }', ['cisco']), '--format', 'isc');
  assert.equal(res.code, 0, res.err);
  assert.doesNotMatch(res.out, /^option option-150/m);
  assert.match(
    res.out,
    /^# not printed: 150 \(Cisco SPA \/ MPP \(3PCC\)\): a TFTP server list takes IPv4 addresses, and the server URL names prov\.lab\.test$/m,
  );
});

test('dhcp: snom gets 67, the file part of its setting URL', async () => {
  const res = await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "http://192.168.1.10:8080" }', ['snom']), '--format', 'isc');
  assert.equal(res.code, 0, res.err);
  assert.match(res.out, /^option tftp-server-name "http:\/\/192\.168\.1\.10:8080";$/m);
  assert.match(res.out, /^option bootfile-name "snom\{model\}\.htm"; {2}# Snom only$/m);
});

test('dhcp: bad input — unknown format and stray arguments are usage errors (2); no usable URL or no phones exit 1', async () => {
  const format = await dhcp(LAN, '--format', 'cisco-ios');
  assert.equal(format.code, 2);
  assert.match(format.err, /--format must be one of isc, dnsmasq, kea, mikrotik, json, not 'cisco-ios'/);
  assert.equal(format.out, '');
  assert.equal((await dhcp(LAN, 'extra')).code, 2);
  assert.equal((await dhcp(LAN, '--format')).code, 2);

  const loopback = await dhcp(bench('{ host: 127.0.0.1, port: 8080 }', ['yealink']));
  assert.equal(loopback.code, 1);
  assert.equal(loopback.out, '');
  assert.match(loopback.err, /^error: no server URL phones can use: http:\/\/127\.0\.0\.1:8080 is a loopback address/);
  assert.match(loopback.err, /Set server\.url in bench\.yaml .* or pass --url/);
  const anyAddress = await dhcp(bench('{ host: 0.0.0.0, port: 8080 }', ['yealink']));
  assert.equal(anyAddress.code, 1, 'listening on all interfaces without server.url: the URL is 127.0.0.1');
  const notHttp = await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "ftp://192.168.1.10" }', ['yealink']));
  assert.equal(notHttp.code, 1);
  assert.match(notHttp.err, /ftp:\/\/192\.168\.1\.10 is not an http\(s\) URL/);
  assert.equal((await dhcp(LAN, '--url', 'http://localhost:8080')).code, 1);

  const empty = await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "http://192.168.1.10:8080" }', []));
  assert.equal(empty.code, 1);
  assert.match(empty.err, /no phones on the bench .*--all/);
  assert.equal((await dhcp(bench('{ host: 0.0.0.0, port: 8080, url: "http://192.168.1.10:8080" }', []), '--all')).code, 0);
});
