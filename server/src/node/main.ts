// Language server entry point (Node): creates the connection over the transport given on the command
// line (--node-ipc, --stdio, --socket=…), keeps stdout for the protocol, and starts the server.
import Handlebars from 'handlebars';
import { createConnection } from 'vscode-languageserver/node';
import { DiskFiles, MemoryFiles } from '../core/files';
import { startServer, type RuntimeEnvironment } from '../languageServer';
import { ServiceThread } from './serviceThread';

const connection = createConnection();

// Nothing but protocol on stdout: route console output (and Handlebars' logger) to the client's log.
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
(Handlebars.logger as unknown as { log: (level: unknown, ...m: unknown[]) => void }).log = (_level, ...m) =>
  connection.console.log(m.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));

const runtime: RuntimeEnvironment = {
  files: (root) => (root ? new DiskFiles(root) : new MemoryFiles()),
  timer: {
    setImmediate: (cb) => {
      setImmediate(cb);
    },
    setTimeout: (cb, ms) => {
      const h = setTimeout(cb, ms);
      return { dispose: () => clearTimeout(h) };
    },
  },
  now: () => Date.now(),
  // validation and preview renders on a thread of their own: hovers and completions never wait on a render
  offThread: process.env.PROVISIONING_STUDIO_INLINE === '1' ? undefined : new ServiceThread(),
};

startServer(connection, runtime);
