// Wires the language service to an LSP connection: documents, scheduled validation, features and the
// custom requests. Every handler runs through runSafe: a failure is logged and answered with a
// fallback, never allowed to kill the server.
import {
  BulkRegistration, CodeActionKind, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type Diagnostic, type Disposable, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { BENCH_FILE, normaliseBenchFile } from './core/bench/parse';
import type { FileSource } from './core/files';
import { listPhonesRequest, listRoutesRequest, renderRequest, selectPhoneNotification, workspaceChangedNotification } from './protocol';
import { createLanguageService, type LanguageService } from './service/languageService';

export interface RuntimeEnvironment {
  /** File access for a workspace root folder (absolute path), or none when the client opened no folder. */
  files(root: string | undefined): FileSource;
  timer: {
    setImmediate(cb: () => void): void;
    setTimeout(cb: () => void, ms: number): { dispose(): void };
  };
  now(): number;
}

export interface ServerSettings {
  /** The bench file, workspace-relative (`provisioningStudio.benchFile`; default `bench.yaml`). */
  benchFile: string;
  /** Phone (name or MAC) for hover values, navigation and first output checks. */
  phone?: string;
  validation: {
    /** Delay after an edit before the first (fast) validation, ms. */
    delay: number;
    /** Idle time after which every bench phone is render-checked, ms. */
    fullDelay: number;
    /** Render every phone on the first pass too (slower on large benches). */
    allPhonesWhileTyping: boolean;
  };
}

/** The client's configuration section (`provisioningStudio.selectedPhone`, `provisioningStudio.validation.delay`, …). */
export const SETTINGS_SECTION = 'provisioningStudio';

/** Completion triggers for 3CX templates only (ignored in other documents). */
const THREECX_TRIGGERS = ['%', ' ', ','];

export const DEFAULT_SETTINGS: ServerSettings = { benchFile: BENCH_FILE, validation: { delay: 150, fullDelay: 1000, allPhonesWhileTyping: false } };

export async function runSafe<T>(runtime: RuntimeEnvironment, log: (m: string) => void, fn: () => T, errorVal: T, what: string, token?: CancellationToken): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    runtime.timer.setImmediate(() => {
      if (token?.isCancellationRequested) { resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled')); return; }
      try {
        const r = fn();
        if (token?.isCancellationRequested) resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled'));
        else resolve(r);
      } catch (e) {
        log(`${what}: ${(e as Error)?.stack ?? String(e)}`);
        resolve(errorVal);
      }
    });
  });
}

/** The settings from the client's `provisioningStudio` section; `warn` hears about values that cannot be used. */
export function mergeSettings(raw: unknown, warn: (m: string) => void = () => {}): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<ServerSettings> & { selectedPhone?: string; validation?: Partial<ServerSettings['validation']> };
  const v: Partial<ServerSettings['validation']> = r.validation ?? {};
  const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : d);
  let benchFile = BENCH_FILE;
  try {
    benchFile = normaliseBenchFile(typeof r.benchFile === 'string' ? r.benchFile : undefined);
  } catch (e) {
    warn(`provisioningStudio.benchFile: ${(e as Error).message}; using ${BENCH_FILE}`);
  }
  return {
    benchFile,
    phone: typeof r.selectedPhone === 'string' && r.selectedPhone ? r.selectedPhone : typeof r.phone === 'string' && r.phone ? r.phone : undefined,
    validation: {
      delay: num(v.delay, DEFAULT_SETTINGS.validation.delay),
      fullDelay: num(v.fullDelay, DEFAULT_SETTINGS.validation.fullDelay),
      allPhonesWhileTyping: v.allPhonesWhileTyping === true,
    },
  };
}

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => { try { connection.console.error(m); } catch { /* connection gone */ } };
  let ls: LanguageService | undefined;
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let selectedPhone: string | undefined;
  let pullConfig = false;
  let initialized = false;
  let dynamicSync = false;
  let dynamicWatch = false;
  /** The dynamic registration making the client sync and watch a bench file not named `bench.yaml`. */
  let benchRegistration: { file: string; done: Promise<Disposable | undefined> } | undefined;
  const timers = new Map<string, { dispose(): void }>();
  const published = new Map<string, string>();

  const service = (): LanguageService => {
    if (!ls) ls = createLanguageService('file:///', runtime.files(undefined));
    return ls;
  };
  const safe = <T>(fn: () => T, errorVal: T, what: string, token?: CancellationToken) => runSafe(runtime, log, fn, errorVal, what, token);
  const relevant = (doc: TextDocument) => service().info(doc).kind !== 'other';

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    let root: string | undefined;
    try { root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined; } catch { root = undefined; }
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) settings = mergeSettings(init.settings, log);
    ls = createLanguageService(folder ?? 'file:///', runtime.files(root), { benchFile: settings.benchFile });
    if (init?.settings) applySettings(init.settings);
    pullConfig = !!params.capabilities.workspace?.configuration;
    dynamicSync = !!params.capabilities.textDocument?.synchronization?.dynamicRegistration;
    dynamicWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '{', '>', '@', '/', '=', '"', '<', '#', '(', '[', ...THREECX_TRIGGERS], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'provisioning-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    initialized = true;
    await refreshSettings();
    registerBench();
  });

  /** Applies the client's settings; a different bench file re-creates the workspace model (true then). */
  function applySettings(raw: unknown): boolean {
    settings = mergeSettings(raw, log);
    service().configure({ phone: selectedPhone ?? settings.phone });
    const before = service().context.benchFile;
    if (!service().setBenchFile(settings.benchFile)) return false;
    // the old bench file is an ordinary file now: its diagnostics go
    for (const d of documents.all()) {
      if (relevant(d) || !published.has(d.uri)) continue;
      timers.get(d.uri)?.dispose();
      timers.delete(d.uri);
      published.delete(d.uri);
      void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
    }
    notifyChanged(service().context.uriOf(before));
    notifyChanged(service().context.uriOf(settings.benchFile));
    registerBench();
    return true;
  }

  /**
   * A bench file other than `bench.yaml` is outside the client's static document selector and file
   * watchers: register open/change/close and file events for it (when the client supports dynamic
   * registration), replacing the registration for the previous one.
   */
  function registerBench(): void {
    if (!initialized || (!dynamicSync && !dynamicWatch)) return;
    const file = service().context.benchFile;
    if (benchRegistration?.file === file || (!benchRegistration && file === BENCH_FILE)) return;
    const previous = benchRegistration;
    benchRegistration = undefined;
    if (previous) void previous.done.then((d) => d?.dispose()).catch(() => {});
    if (file === BENCH_FILE) return;
    const glob = `**/${file}`;
    const documentSelector = [{ scheme: 'file', pattern: glob }];
    const bulk = BulkRegistration.create();
    if (dynamicSync) {
      bulk.add(DidOpenTextDocumentNotification.type, { documentSelector });
      bulk.add(DidChangeTextDocumentNotification.type, { documentSelector, syncKind: TextDocumentSyncKind.Incremental });
      bulk.add(DidCloseTextDocumentNotification.type, { documentSelector });
    }
    if (dynamicWatch) bulk.add(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: glob }] });
    const done = connection.client.register(bulk).then((d) => d as Disposable, (e) => { log(`registration for ${file}: ${(e as Error).message}`); return undefined; });
    benchRegistration = { file, done };
  }

  async function refreshSettings(): Promise<void> {
    if (!pullConfig) return;
    try {
      const [cfg] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
      if (applySettings(cfg)) revalidateAll(0);
    } catch (e) { log(`configuration: ${(e as Error).message}`); }
  }

  connection.onDidChangeConfiguration(async (change) => {
    const s = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pullConfig) await refreshSettings(); else if (s) applySettings(s);
    revalidateAll(0);
  });

  // ---- validation scheduling ----
  function schedule(uri: string, delay: number, mode: 'fast' | 'full'): void {
    timers.get(uri)?.dispose();
    timers.set(uri, runtime.timer.setTimeout(() => { timers.delete(uri); validateNow(uri, mode); }, delay));
  }

  function validateNow(uri: string, mode: 'fast' | 'full'): void {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let result: ReturnType<LanguageService['validate']> | undefined;
    try {
      result = service().validate(doc, { phones: mode === 'full' || settings.validation.allPhonesWhileTyping ? 'all' : 'representative' });
    } catch (e) {
      log(`validation of ${uri}: ${(e as Error)?.stack ?? String(e)}`);
      return;
    }
    if (documents.get(uri)?.version !== version) return; // stale: a newer version is scheduled
    send(uri, version, result.diagnostics);
    if (mode === 'fast' && result.rendered < result.served) schedule(uri, settings.validation.fullDelay, 'full');
  }

  function send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    // Always publish the first result of a version (clients wait for it), skip identical re-publishes of a full pass.
    if (published.get(uri) === `${version}|${key}`) return;
    published.set(uri, `${version}|${key}`);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function revalidateAll(delay: number, except?: string): void {
    for (const d of documents.all()) if (d.uri !== except && relevant(d)) schedule(d.uri, delay, 'fast');
  }

  let changedUris = new Set<string>();
  let changedTimer: { dispose(): void } | undefined;
  function notifyChanged(uri: string): void {
    changedUris.add(uri);
    if (changedTimer) return;
    changedTimer = runtime.timer.setTimeout(() => {
      changedTimer = undefined;
      const uris = [...changedUris];
      changedUris = new Set();
      void connection.sendNotification(workspaceChangedNotification, { uris });
    }, 100);
  }

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const info = service().info(e.document);
    if (info.kind === 'other') return;
    try { service().context.sync(e.document); } catch (err) { log(String(err)); }
    schedule(uri, settings.validation.delay, 'fast');
    // Other open documents depend on the bench and on partials (and partials on their templates).
    revalidateAll(Math.max(settings.validation.fullDelay, settings.validation.delay), uri);
    notifyChanged(uri);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const kind = service().info(e.document).kind;
    timers.get(uri)?.dispose();
    timers.delete(uri);
    published.delete(uri);
    service().closeDocument(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (kind === 'bench' || kind === 'partial') revalidateAll(settings.validation.delay);
    notifyChanged(uri);
  });

  connection.onDidChangeWatchedFiles((p) => {
    service().context.filesChanged();
    revalidateAll(settings.validation.delay);
    for (const c of p.changes) notifyChanged(c.uri);
  });

  // ---- features ----
  const doc = (uri: string) => documents.get(uri);
  connection.onCompletion((p, token) => safe(() => {
    const d = doc(p.textDocument.uri);
    if (!d) return null;
    // '%', ' ' and ',' trigger completion in 3CX templates only ({IF ua=A,B}, %%variables%%).
    const trigger = p.context?.triggerCharacter;
    if (trigger && THREECX_TRIGGERS.includes(trigger)) {
      if (service().info(d).kind !== 'threecx') return null;
      const before = d.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
      if (trigger !== '%' && !/^\s*\{IF\s[^}]*$|=\s$/.test(before)) return null; // a space or comma elsewhere is just typing
    }
    return service().doComplete(d, p.position);
  }, null, 'completion', token));
  connection.onHover((p, token) => safe(() => { const d = doc(p.textDocument.uri); return d ? service().doHover(d, p.position) : null; }, null, 'hover', token));
  connection.onDefinition((p, token) => safe(() => { const d = doc(p.textDocument.uri); return d ? service().findDefinition(d, p.position) : null; }, null, 'definition', token));
  connection.onReferences((p, token) => safe(() => { const d = doc(p.textDocument.uri); return d ? service().findReferences(d, p.position, p.context.includeDeclaration) : []; }, [], 'references', token));
  connection.onDocumentSymbol((p, token) => safe(() => { const d = doc(p.textDocument.uri); return d ? service().findDocumentSymbols(d) : []; }, [], 'symbols', token));
  connection.onFoldingRanges((p, token) => safe(() => { const d = doc(p.textDocument.uri); return d ? service().getFoldingRanges(d) : []; }, [], 'folding', token));
  connection.onCodeAction((p, token) => safe(() => { const d = doc(p.textDocument.uri); return d ? service().getCodeActions(d, p.range, p.context.diagnostics) : []; }, [], 'code actions', token));

  connection.onRequest(renderRequest, (p, token) => safe(() => service().render(doc(p.uri), p),
    { uri: p.uri, version: p.version, phone: { name: p.phone, mac: '', vendor: '', model: '' }, fileName: '', text: '', errors: ['internal error while rendering'], contentType: 'text/plain', escape: 'none' }, 'render', token));
  connection.onRequest(listPhonesRequest, (p, token) => safe(() => service().listPhones(p ?? {}), [], 'listPhones', token));
  connection.onRequest(listRoutesRequest, (p, token) => safe(() => service().listRoutes(p ?? {}), [], 'listRoutes', token));
  connection.onNotification(selectPhoneNotification, (p) => {
    selectedPhone = p?.phone ?? undefined;
    service().configure({ phone: selectedPhone ?? settings.phone });
    revalidateAll(settings.validation.delay);
  });

  documents.listen(connection);
  connection.listen();
}
