import { availableParallelism } from 'node:os';
import { SERVER_ADDRESS_VALUES, opt, serverAddressOption, UsageError, type Args } from '../args';
import type { Command, Io } from '../context';
import {
  batchedLogWriter,
  DevServer,
  type PhoneUrl,
  type ServerInfo,
  type ServerProblem,
  type ServerRecovered,
  type UploadRecord,
} from '../../devserver';
import { isServeWorker, runWorker, ServeCluster, workerInit, type ClusterEvents } from '../../devserver/cluster';
import { DEFAULT_TFTP_PORT, TftpServer } from '../../devserver/tftp';
import { UnknownPhones, type UnknownPhone } from '../../devserver/unknownPhones';
import type { Workspace } from '../../core/workspace';
import { hostPort } from '../../core/util/text';

/** `--tftp [port]`: undefined without `--tftp`; the port is the argument after it (serve takes no other). */
function tftpOption(args: Args): number | undefined {
  const [first, ...more] = args.positionals;
  if (!args.options.has('tftp')) {
    if (first !== undefined) throw new UsageError(`unexpected argument '${first}'`);
    return undefined;
  }
  if (more.length) throw new UsageError(`unexpected argument '${more[0]}'`);
  if (first === undefined) return DEFAULT_TFTP_PORT;
  const port = Number(first);
  if (!/^\d+$/.test(first) || port > 65535) throw new UsageError(`--tftp: '${first}' is not a port number`);
  return port;
}

/**
 * Default worker processes: the cores but one, since the primary process (connections, the log) and the
 * editor need a core too. Measured on 2 cores with the load generator on the same machine, a second worker
 * lowered req/s and raised p99 (docs/dev-server.md, "Worker processes"), so 2 cores serve with one process.
 */
export const defaultWorkers = (): number => Math.max(1, availableParallelism() - 1);

function workersOption(args: Args): number {
  const text = opt(args, 'workers');
  if (text === undefined) return defaultWorkers();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 64) throw new UsageError(`--workers: '${text}' is not a number of processes from 1 to 64`);
  return n;
}

export const serveCommand: Command = {
  summary: 'run the dev provisioning server: phones fetch per-request rendered files (nothing written to disk)',
  usage: 'serve [--host <address>] [--port <port>] [--url <base URL phones use>] [--tftp [<udp port, default 69>]] [--workers <processes>]',
  values: [...SERVER_ADDRESS_VALUES, 'workers'],
  flags: ['tftp'],
  async run({ args, io, workspace, main }) {
    const { host, port, url } = serverAddressOption(args);
    const tftpPort = tftpOption(args);
    const workers = workersOption(args);
    if (url) workspace.setServerAddress({ url });
    if (isServeWorker()) return serveAsWorker(workspace, { host, port }, tftpPort);
    // several processes only when this is the CLI process itself (cluster re-runs its entry file)
    const cluster = workers > 1 && main ? new ServeCluster(workers, clusterEvents(io, workspace)) : undefined;
    let info: ServerInfo;
    let phones: PhoneUrl[];
    let extra: string[] = [];
    let server: DevServer | undefined;
    let tftp: TftpServer | undefined;
    if (cluster) {
      const up = await cluster.start();
      ({ info, phones, extra } = up);
      extra.push(`${workers} worker processes (pids ${up.pids.join(', ')}); one request log\n`);
    } else {
      server = new DevServer(workspace, { host, port });
      logTo(server, io);
      info = await server.start();
      phones = server.phoneUrls();
      if (tftpPort !== undefined) {
        try {
          ({ tftp, lines: extra } = await startTftp(server, info, tftpPort));
        } catch (e) {
          await server.stop();
          throw e;
        }
      }
    }
    printBanner(io, workspace, info, phones, extra, url);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      void cluster?.done.then(stop); // the workers kept ending
    });
    await tftp?.stop();
    await server?.stop();
    await cluster?.stop();
    io.out('stopped\n');
    return 0;
  },
};

/** How serve prints the server's events: the request log and uploads on stdout, problems and strangers on stderr. */
function printer(io: Io) {
  return {
    request: batchedLogWriter(io.out),
    unknownPhone: (u: UnknownPhone) => io.err(unknownLine(u)),
    problem: (p: ServerProblem) =>
      io.err(
        `problem: ${p.file}${p.phone ? ` [${p.phone}]` : ''}: ${p.message}${p.servingLastGood ? ' (serving the last good version)' : ''}`,
      ),
    recovered: (r: ServerRecovered) => io.err(`fixed: ${r.file}${r.phone ? ` [${r.phone}]` : ''} renders again`),
    upload: (u: Omit<UploadRecord, 'body'>) => io.out(`${u.time} ${u.ip} ${u.phone ?? u.mac} uploaded ${u.file} (${u.bytes} bytes)\n`),
  };
}

/** One process's events printed. */
function logTo(server: DevServer, io: Io): void {
  const print = printer(io);
  server.on('request', print.request);
  server.on('unknownPhone', print.unknownPhone);
  server.on('problem', print.problem);
  server.on('recovered', print.recovered);
  server.on('upload', print.upload);
}

/** The same printing for the primary of several worker processes, which notes phones not on the bench itself. */
function clusterEvents(io: Io, workspace: Workspace): ClusterEvents {
  const print = printer(io);
  const unknown = new UnknownPhones();
  return {
    ...print,
    request(e) {
      print.request(e);
      const u = unknown.note(e, () => workspace.servingBench().parsed.bench.phones);
      if (u?.requests === 1) print.unknownPhone(u);
    },
    note: (text) => io.err(`note: ${text}\n`),
  };
}

/** A phone that is not on the bench: said once, with the command that adopts it. */
function unknownLine(u: UnknownPhone): string {
  const what = [u.vendor, u.model, u.firmware && `firmware ${u.firmware}`].filter(Boolean).join(' ');
  const model = u.model && u.knownModel ? ` --model ${u.model}` : ' --model <model>';
  return `not on the bench: ${u.mac}${what ? ` (${what})` : ''} from ${u.ip}; add it: provisioning-studio bench add ${u.mac}${model}`;
}

async function startTftp(server: DevServer, info: ServerInfo, port: number): Promise<{ tftp: TftpServer; lines: string[] }> {
  const tftp = new TftpServer(server, { host: info.host, port });
  const t = await tftp.start();
  const lines = [`TFTP (read-only) listening on udp ${hostPort(info.host, t.port)}\n`];
  if (info.auth) lines.push(`note: TFTP has no authentication: server.auth does not protect files fetched over TFTP\n`);
  return { tftp, lines };
}

/** A worker of `serve --workers N`: serves, and TFTP too when it is the first; the primary prints. */
async function serveAsWorker(workspace: Workspace, address: { host?: string; port?: number }, tftpPort?: number): Promise<number> {
  const { index, options } = await workerInit();
  const server = new DevServer(workspace, { ...address, ...options });
  let tftp: TftpServer | undefined;
  await runWorker(
    server,
    async () => {
      const info = await server.start();
      if (tftpPort === undefined || index !== 0) return { info };
      const t = await startTftp(server, info, tftpPort);
      tftp = t.tftp;
      return { info, extra: t.lines };
    },
    async () => {
      await tftp?.stop();
      await server.stop();
    },
  );
  return 0;
}

function printBanner(io: Io, workspace: Workspace, info: ServerInfo, phones: PhoneUrl[], extra: string[], url?: string): void {
  const cfg = workspace.servingBench().parsed.bench.server;
  io.out(`Provisioning dev server listening on ${info.scheme}://${hostPort(info.host, info.port)}\n`);
  for (const line of extra) (line.startsWith('note:') ? io.err : io.out)(line);
  io.out(`Phones use ${info.url}\n`);
  if (info.tls)
    io.out(
      `TLS: ${info.tls.selfSigned ? 'self-signed certificate (in memory)' : 'certificate from bench server.tls'}, SHA-256 fingerprint ${info.tls.fingerprint256}\n`,
    );
  if (info.auth)
    io.out(
      `Authentication: ${info.auth.type}, user '${info.auth.username}'${info.auth.type === 'basic' && !info.tls ? ' (basic over plain HTTP sends the password in clear: prefer digest or TLS)' : ''}\n`,
    );
  if (info.host === '0.0.0.0' || info.host === '::') {
    if (!cfg.url && !url)
      io.err(
        'note: listening on all interfaces but bench server.url is not set: templates will tell phones to use 127.0.0.1; set server.url to the address phones reach',
      );
  } else if (/^127\.|^::1$|^localhost$/.test(info.host)) {
    io.out('Listening on loopback only: phones on the LAN cannot reach it (use --host 0.0.0.0 and set server.url in the bench file)\n');
  }
  if (phones.length) io.out('\nPoint each bench phone at the server:\n');
  for (const p of phones) {
    io.out(`  ${p.phone.name} (${p.phone.vendor} ${p.phone.model}, ${p.phone.mac})\n    ${p.setting}\n`);
    for (const u of p.bootUrls) io.out(`      ${u}\n`);
  }
  io.out('\nLog: time client-ip phone method path status bytes render-ms user-agent template. Ctrl-C stops.\n');
}
