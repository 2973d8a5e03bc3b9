// Helpers for the dev server tests: a generated temp workspace (bench + minimal templates for every vendor),
// a server started on 127.0.0.1 port 0, and a plain HTTP(S) client. Loopback only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import {
  DevServer,
  type DevServerOptions,
  type RequestLogEntry,
  type ServerProblem,
  type ServerRecovered,
} from '../../../server/src/devserver';

/** Real User-Agents (shared/docs/vendors.md), for the phones of the generated bench. */
export const UA = {
  yealink: 'Yealink SIP-T46S 66.86.0.15 80:5e:0c:11:22:33',
  yealinkT56A: 'Yealink SIP-T56A 58.80.0.25 001565f429a4',
  poly: 'FileTransport PolycomVVX-VVX_400-UA/5.4.3.1014 Type/Application',
  cisco: 'Cisco-CP-8841-3PCC/11.0 (00562b043615)',
  grandstream: 'Grandstream Model HW GXP2170 SW 1.0.9.135 DevId 000b82aabbcc',
  snom: 'Mozilla/4.0 (compatible; snomD785-SIP 10.1.54.13 1.1.5-IS 000413AABBCC)',
  fanvil: 'Fanvil X5U-V2 2.12.16.17 0c383e557eb1',
};

export const MARKER = 'ZZ-devserver-marker-7f3a9c';
/** Only rendered output holds the marker followed by `:` and a MAC (the bench and templates hold its parts). */
export const RENDERED_MARKER = new RegExp(`${MARKER}:[0-9a-f]{12}`);
export const PASSWORDS = ['Yea-S3cret!pw', 'P0ly<&>pw', 'C1sco-pw', 'Gr4nd-pw', 'Sn0m-pw', 'F4nvil-pw'];
export const AUTH_PASSWORD = 'Http-Auth-S3cret';

export function benchYaml(server = 'server: { host: 127.0.0.1, port: 0 }'): string {
  return `pbx: { host: pbx.test, port: 5060, transport: udp }
${server}
vars: { ntp: pool.ntp.org, marker: ${MARKER} }
contacts:
  - { name: Reception, number: "100" }
  - { name: Alice Martin, first_name: Alice, last_name: Martin, number: "101" }
phones:
  - { mac: "80:5e:0c:11:22:33", vendor: yealink, model: T46S, name: yea-t46s, lines: [{ extension: "100", password: "${PASSWORDS[0]}" }] }
  - { mac: "00:15:65:f4:29:a4", vendor: yealink, model: T56A, name: yea-t56a, lines: [{ extension: "105", password: "${PASSWORDS[0]}" }] }
  - { mac: 0004f2abcdef, vendor: poly, model: VVX400, name: poly-vvx400, lines: [{ extension: "101", password: "${PASSWORDS[1]}" }] }
  - { mac: 00562b043615, vendor: cisco, model: CP-8841-3PCC, name: cisco-8841, lines: [{ extension: "102", password: "${PASSWORDS[2]}" }] }
  - { mac: 000b82aabbcc, vendor: grandstream, model: GXP2170, name: gs-gxp2170, lines: [{ extension: "103", password: "${PASSWORDS[3]}" }] }
  - { mac: 000413aabbcc, vendor: snom, model: D785, name: snom-d785, lines: [{ extension: "104", password: "${PASSWORDS[4]}" }] }
  - { mac: 0c383e557eb1, vendor: fanvil, model: X5U, name: fanvil-x5u, lines: [{ extension: "106", password: "${PASSWORDS[5]}" }] }
`;
}

export const TEMPLATES: Record<string, string> = {
  'templates/yealink/mac.boot.hbs':
    '#!version:1.0.0.1\ninclude:config "{{server.url}}/y0000000000{{model.file_id}}.cfg"\ninclude:config "{{server.url}}/{{phone.mac}}.cfg"\noverwrite_mode = 1\n',
  'templates/yealink/common.cfg.hbs':
    '#!version:1.0.0.1\n## {{vars.marker}}:{{phone.mac}} common {{model.id}}\nlocal_time.ntp_server1 = {{vars.ntp}}\nremote_phonebook.data.1.url = {{server.url}}/{{phone.mac}}-contacts.xml\n',
  'templates/yealink/mac.cfg.hbs':
    '#!version:1.0.0.1\n## {{vars.marker}}:{{phone.mac}} {{phone.name}}\n{{#each lines}}\n{{> account index=(inc @index)}}\n{{/each}}\n',
  'templates/yealink/partials/account.cfg.hbs': 'account.{{index}}.user_name = {{extension}}\naccount.{{index}}.password = {{password}}',
  'templates/yealink/contacts.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8"?>\n<YealinkIPPhoneDirectory>\n{{#each contacts}}\n  <DirectoryEntry><Name>{{name}}</Name><Telephone>{{number}}</Telephone></DirectoryEntry>\n{{/each}}\n</YealinkIPPhoneDirectory>\n',
  'templates/poly/master.xml.hbs':
    '<?xml version="1.0" standalone="yes"?>\n<!-- {{vars.marker}}:{{phone.mac}} -->\n<APPLICATION APP_FILE_PATH="sip.ld" CONFIG_FILES="phone{{phone.mac}}.cfg, site.cfg"/>\n',
  'templates/poly/site.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<polycomConfig><tcpIpApp tcpIpApp.sntp.address="{{vars.ntp}}"/></polycomConfig>\n',
  'templates/poly/phone.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- {{vars.marker}}:{{phone.mac}} -->\n<polycomConfig>\n{{#each lines}}\n  <reg reg.{{inc @index}}.address="{{extension}}" reg.{{inc @index}}.auth.password="{{password}}"/>\n{{/each}}\n</polycomConfig>\n',
  'templates/poly/directory.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<directory><item_list>\n{{#each contacts}}\n<item><fn>{{default first_name name}}</fn><ct>{{number}}</ct></item>\n{{/each}}\n</item_list></directory>\n',
  'templates/cisco/model.xml.hbs': '<flat-profile>\n  <Profile_Rule ua="na">{{server.url}}/$MA.xml</Profile_Rule>\n</flat-profile>\n',
  'templates/cisco/mac.xml.hbs':
    '<flat-profile>\n<!-- {{vars.marker}}:{{phone.mac}} -->\n{{#each lines}}\n  <User_ID_{{inc @index}}_ ua="na">{{extension}}</User_ID_{{inc @index}}_>\n  <Password_{{inc @index}}_ ua="na">{{password}}</Password_{{inc @index}}_>\n{{/each}}\n</flat-profile>\n',
  'templates/grandstream/mac.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1"><mac>{{phone.mac}}</mac><config version="1">\n<!-- {{vars.marker}}:{{phone.mac}} -->\n<P35>{{lines.0.extension}}</P35><P34>{{lines.0.password}}</P34>\n</config></gs_provision>\n',
  'templates/snom/model.xml.hbs':
    '<?xml version="1.0" encoding="utf-8"?>\n<settings><phone-settings><ntp_server perm="">{{vars.ntp}}</ntp_server></phone-settings></settings>\n',
  'templates/snom/mac.xml.hbs':
    '<?xml version="1.0" encoding="utf-8"?>\n<settings><phone-settings>\n<!-- {{vars.marker}}:{{phone.mac}} -->\n<user_name idx="1" perm="R">{{lines.0.extension}}</user_name><user_pass idx="1" perm="">{{lines.0.password}}</user_pass>\n</phone-settings></settings>\n',
  'templates/fanvil/common.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8"?>\n<sysConf><NTP><Server>{{vars.ntp}}</Server></NTP></sysConf>\n',
  'templates/fanvil/mac.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8"?>\n<sysConf>\n<!-- {{vars.marker}}:{{phone.mac}} -->\n<SIP_Line_List_Entry><ID>SIP1</ID><Register_User>{{lines.0.extension}}</Register_User><Register_Pswd>{{lines.0.password}}</Register_Pswd></SIP_Line_List_Entry>\n</sysConf>\n',
};

export interface TestWorkspace {
  dir: string;
  ws: Workspace;
  write(file: string, text: string): void;
  cleanup(): void;
}

export function makeWorkspace(bench = benchYaml(), extra: Record<string, string> = {}): TestWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'ps-devserver-'));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write('bench.yaml', bench);
  for (const [f, t] of Object.entries({ ...TEMPLATES, ...extra })) write(f, t);
  return { dir, ws: new Workspace(new DiskFiles(dir)), write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Running {
  server: DevServer;
  base: string;
  port: number;
  log: RequestLogEntry[];
  problems: ServerProblem[];
  recovered: ServerRecovered[];
  stop(): Promise<void>;
}

export async function startServer(ws: Workspace, opts: DevServerOptions = {}): Promise<Running> {
  const server = new DevServer(ws, { port: 0, ...opts });
  const log: RequestLogEntry[] = [];
  const problems: ServerProblem[] = [];
  const recovered: ServerRecovered[] = [];
  server.on('request', (e) => log.push(e));
  server.on('problem', (p) => problems.push(p));
  server.on('recovered', (r) => recovered.push(r));
  const info = await server.start();
  return { server, base: `${info.scheme}://127.0.0.1:${info.port}`, port: info.port, log, problems, recovered, stop: () => server.stop() };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  text: string;
}

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string; ca?: string; rawPath?: string } = {},
): Promise<Reply> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port,
        method: opts.method ?? 'GET',
        path: opts.rawPath ?? `${u.pathname}${u.search}`,
        headers: opts.headers,
        agent: false,
        ca: opts.ca,
        servername: u.protocol === 'https:' ? 'localhost' : undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, rawHeaders: res.rawHeaders, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** GET with a User-Agent. */
export const get = (base: string, path: string, ua?: string, headers: Record<string, string> = {}) =>
  request(`${base}${path}`, { headers: { ...(ua ? { 'User-Agent': ua } : {}), ...headers } });
