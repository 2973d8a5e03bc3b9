import { SERVER_ADDRESS_VALUES, serverAddressOption, UsageError, type Args } from '../args';
import type { Command } from '../context';
import { batchedLogWriter, DevServer } from '../../devserver';
import { DEFAULT_TFTP_PORT, TftpServer } from '../../devserver/tftp';

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

export const serveCommand: Command = {
  summary: 'run the dev provisioning server: phones fetch per-request rendered files (nothing written to disk)',
  usage: 'serve [--host <address>] [--port <port>] [--url <base URL phones use>] [--tftp [<udp port, default 69>]]',
  values: SERVER_ADDRESS_VALUES,
  flags: ['tftp'],
  async run({ args, io, workspace }) {
    const { host, port, url } = serverAddressOption(args);
    const tftpPort = tftpOption(args);
    if (url) workspace.setServerAddress({ url });
    const server = new DevServer(workspace, { host, port });
    server.on('request', batchedLogWriter(io.out));
    // a phone that is not on the bench: said once, with the command that adopts it
    server.on('unknownPhone', (u) => {
      const what = [u.vendor, u.model, u.firmware && `firmware ${u.firmware}`].filter(Boolean).join(' ');
      const model = u.model && u.knownModel ? ` --model ${u.model}` : ' --model <model>';
      io.err(`not on the bench: ${u.mac}${what ? ` (${what})` : ''} from ${u.ip}; add it: provisioning-studio bench add ${u.mac}${model}`);
    });
    server.on('problem', (p) =>
      io.err(
        `problem: ${p.file}${p.phone ? ` [${p.phone}]` : ''}: ${p.message}${p.servingLastGood ? ' (serving the last good version)' : ''}`,
      ),
    );
    server.on('recovered', (r) => io.err(`fixed: ${r.file}${r.phone ? ` [${r.phone}]` : ''} renders again`));
    server.on('upload', (u) => io.out(`${u.time} ${u.ip} ${u.phone ?? u.mac} uploaded ${u.file} (${u.bytes} bytes)\n`));
    const info = await server.start();
    const cfg = workspace.servingBench().parsed.bench.server;
    const shownHost = info.host.includes(':') ? `[${info.host}]` : info.host;
    io.out(`Provisioning dev server listening on ${info.scheme}://${shownHost}:${info.port}\n`);
    let tftp: TftpServer | undefined;
    if (tftpPort !== undefined) {
      tftp = new TftpServer(server, { host: info.host, port: tftpPort });
      try {
        const t = await tftp.start();
        io.out(`TFTP (read-only) listening on udp ${shownHost}:${t.port}\n`);
        if (info.auth) io.err(`note: TFTP has no authentication: server.auth does not protect files fetched over TFTP\n`);
      } catch (e) {
        await server.stop();
        throw e;
      }
    }
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
    const phones = server.phoneUrls();
    if (phones.length) io.out('\nPoint each bench phone at the server:\n');
    for (const p of phones) {
      io.out(`  ${p.phone.name} (${p.phone.vendor} ${p.phone.model}, ${p.phone.mac})\n    ${p.setting}\n`);
      for (const u of p.bootUrls) io.out(`      ${u}\n`);
    }
    io.out('\nLog: time client-ip phone method path status bytes render-ms user-agent template. Ctrl-C stops.\n');
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await tftp?.stop();
    await server.stop();
    io.out('stopped\n');
    return 0;
  },
};
