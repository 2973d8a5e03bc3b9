// Dev provisioning server: the public surface for the CLI and the VS Code extension.
export {
  DevServer,
  DEFAULT_LIMITS,
  type DevServerOptions,
  type DevServerLimits,
  type DevServerEvents,
  type ServerInfo,
  type TlsOverride,
  type PhoneUrl,
  type FileFreshness,
} from './devServer';
export { batchedLogWriter, formatLogLine, type RequestLogEntry, type ServerProblem, type ServerRecovered, type UploadRecord } from './log';
export type { PhoneState, FetchRecord } from './state';
export type { Served } from './render';
