// Wires the language service to an LSP connection: documents, scheduled validation, features and the
// custom requests. Multi-root: one language service per workspace folder (its own bench file, settings,
// selected phone and dev server address); each document goes to the folder holding it. Every handler
// runs through runSafe: a failure is logged and answered with a fallback, never allowed to kill the server.
import {
  BulkRegistration,
  CodeActionKind,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { BENCH_FILE } from './core/bench/parse';
import type { FileSource } from './core/files';
import {
  devServerChangedNotification,
  listPhonesRequest,
  listRoutesRequest,
  effectiveRequest,
  renderRequest,
  selectPhoneNotification,
  workspaceChangedNotification,
} from './protocol';
import { createLanguageService, type LanguageService } from './service/languageService';
import { resolveCompletionItem } from './service/completionDocs';
import { withItemDefaults, type ItemDefaultsSupport } from './service/completionList';
import type { FolderState, OffThreadOutcome, OffThreadService } from './offThread';
import { ADD_TO_CATALOG_COMMAND, addToWorkspaceCatalog, type AddToCatalogArgs } from './service/codeActions';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gitTracked, GIT_ANSWER_MS } from './node/gitTracked';
import { DEFAULT_SETTINGS, mergeSettings, sanitizeAddress, SETTINGS_SECTION } from './serverSettings';
import { trimSlash, WorkspaceFolders, type Folder } from './workspaceFolders';
import { DiagnosticsScheduler } from './diagnosticsScheduler';

export interface RuntimeEnvironment {
  /** File access for a workspace root folder (absolute path), or none when the client opened no folder. */
  files(root: string | undefined): FileSource;
  timer: {
    setImmediate(cb: () => void): void;
    setTimeout(cb: () => void, ms: number): { dispose(): void };
  };
  now(): number;
  /** Runs validations and preview renders on another thread (Node: a worker); inline when absent (tests over memory files). */
  offThread?: OffThreadService;
}

/** Completion triggers for 3CX templates only (ignored in other documents). */
const THREECX_TRIGGERS = ['%', ' ', ','];

export async function runSafe<T>(
  runtime: RuntimeEnvironment,
  log: (m: string) => void,
  fn: () => T,
  errorVal: T,
  what: string,
  token?: CancellationToken,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    runtime.timer.setImmediate(() => {
      if (token?.isCancellationRequested) {
        resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled'));
        return;
      }
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

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => {
    try {
      connection.console.error(m);
    } catch {
      /* connection gone */
    }
  };
  /** Setting warnings go to the log; an unknown problem code in provisioningStudio.problems also to a warning message, once. */
  const shown = new Set<string>();
  const warnSetting = (m: string) => {
    log(m);
    if (m.startsWith('provisioningStudio.problems:') && !shown.has(m) && shown.add(m)) void connection.window.showWarningMessage(m);
  };
  let pullConfig = false;
  let itemDefaults: ItemDefaultsSupport = {};
  let initialized = false;
  let dynamicSync = false;
  let dynamicWatch = false;
  let folderEvents = false;
  /** The dynamic registration making the client sync and watch bench files not named `bench.yaml`. */
  let benchRegistration: { key: string; done: Promise<Disposable | undefined> } | undefined;

  /** A folder's workspace over its files on disk (`onDisk` false: no files but open documents). */
  function createFolder(uri: string, raw: unknown, onDisk: boolean): Folder {
    let root: string | undefined;
    try {
      const parsed = URI.parse(uri);
      root = onDisk && parsed.scheme === 'file' ? parsed.fsPath : undefined;
    } catch {
      root = undefined;
    }
    const settings = raw !== undefined ? mergeSettings(raw, warnSetting) : DEFAULT_SETTINGS;
    const benchTracked = root !== undefined ? (file: string) => gitTracked(root!, file, GIT_ANSWER_MS) : undefined;
    const ls = createLanguageService(uri, runtime.files(root), { benchFile: settings.benchFile, benchTracked });
    ls.configure({ phone: settings.phone, problems: settings.problems });
    return { uri: trimSlash(uri), ls, settings, root, filesEpoch: 0 };
  }
  const folders = new WorkspaceFolders(createFolder, log);
  const folderOf = (uri: string) => folders.of(uri);
  const service = (doc: TextDocument | string): LanguageService => folders.service(doc);
  const syncDoc = (d: TextDocument) => folders.syncDoc(d);

  const safe = <T>(fn: () => T, errorVal: T, what: string, token?: CancellationToken) => runSafe(runtime, log, fn, errorVal, what, token);
  const relevant = (doc: TextDocument) => service(doc).info(doc).kind !== 'other';

  /** Set when the service thread cannot start: validation and renders run on this thread (logged once). */
  let offThreadDown = false;
  const threadDown = (why: string) => {
    if (offThreadDown) return;
    offThreadDown = true;
    log(`${why}; checking and previews run on the language server's own thread`);
  };
  /** What the service thread needs to hold the same workspace as this folder's service. */
  function folderState(f: Folder): FolderState {
    const docs = documents
      .all()
      .filter((d) => folderOf(d.uri) === f && f.ls.info(d).kind !== 'other')
      .map((d) => ({ uri: d.uri, languageId: d.languageId, text: d.getText() }));
    const { uri, root, filesEpoch, address } = f;
    return {
      uri,
      root,
      benchFile: f.ls.context.benchFile,
      phone: f.selectedPhone ?? f.settings.phone,
      problems: f.settings.problems,
      address,
      filesEpoch,
      docs,
    };
  }
  /**
   * A request's work on the service thread; where there is none (tests over memory files) or it cannot start,
   * `inline` on this thread (through runSafe). `failed` answers a job the thread stopped (its message) or lost.
   */
  async function offOrInline<T>(
    job: (off: OffThreadService) => Promise<OffThreadOutcome<T>>,
    inline: () => T,
    failed: (stopped?: string) => T,
    what: string,
    token: CancellationToken,
  ): Promise<T | ResponseError<void>> {
    const off = offThreadDown ? undefined : runtime.offThread;
    const o = off ? await job(off) : undefined;
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    if (o?.ok) return o.value;
    if (!o || o.reason === 'unavailable') {
      if (o) threadDown(o.message);
      return safe(inline, failed(), what, token);
    }
    if (o.reason === 'failed') log(`${what}: ${o.message}`);
    return failed(o.reason === 'stopped' ? o.message : undefined);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = params.initializationOptions as { settings?: unknown; folders?: unknown } | undefined;
    if (init?.settings) folders.initSettings = init.settings;
    if (init?.folders && typeof init.folders === 'object' && !Array.isArray(init.folders)) {
      folders.initFolderSettings = Object.fromEntries(
        Object.entries(init.folders as Record<string, unknown>).map(([k, v]) => [trimSlash(k), v]),
      );
    }
    const list = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : [];
    for (const wf of list) if (wf && typeof wf.uri === 'string' && wf.uri) folders.add(wf.uri);
    if (!folders.listed.length && params.rootUri) folders.add(params.rootUri);
    if (!folders.listed.length) folders.loose();
    pullConfig = !!params.capabilities.workspace?.configuration;
    const defaultsSupported = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    itemDefaults = { editRange: defaultsSupported.includes('editRange'), insertTextFormat: defaultsSupported.includes('insertTextFormat') };
    folderEvents = !!params.capabilities.workspace?.workspaceFolders;
    dynamicSync = !!params.capabilities.textDocument?.synchronization?.dynamicRegistration;
    dynamicWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: {
          triggerCharacters: ['.', '{', '>', '@', '/', '=', '"', '<', '#', '(', '[', ...THREECX_TRIGGERS],
          resolveProvider: true, // vendor keys' documentation (service/completionDocs.ts)
        },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [ADD_TO_CATALOG_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'provisioning-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    initialized = true;
    if (folderEvents) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          void foldersChanged(
            e.added.map((f) => f.uri),
            e.removed.map((f) => f.uri),
          );
        });
      } catch (e) {
        log(`workspace folders: ${(e as Error).message}`);
      }
    }
    await refreshSettings();
    registerBench();
  });

  /** workspace/didChangeWorkspaceFolders: a workspace per added folder; documents move to their folder. */
  async function foldersChanged(added: string[], removed: string[]): Promise<void> {
    const gone = removed.map((uri) => folders.remove(uri)).filter((f): f is Folder => !!f);
    const fresh = added.filter((u) => typeof u === 'string' && u && !folders.has(u)).map((u) => folders.add(u));
    if (!folders.listed.length) folders.loose();
    for (const f of gone) notifyChanged(f.ls.context.uriOf(f.ls.context.benchFile));
    await Promise.all(fresh.map((f) => pullSettings(f)));
    for (const f of fresh) notifyChanged(f.ls.context.uriOf(f.ls.context.benchFile));
    // documents change folder (or stop being templates): diagnostics follow
    for (const d of documents.all()) {
      const f = folderOf(d.uri);
      if (folders.docFolder.get(d.uri) === f) continue;
      syncDoc(d);
      if (relevant(d)) schedule(d.uri, 0, 'fast');
      else clearDiagnostics(d.uri);
    }
    registerBench();
  }

  /** Applies the client's settings to a folder; a different bench file re-creates its workspace model (true then). */
  function applySettings(f: Folder, raw: unknown): boolean {
    f.settings = mergeSettings(raw, warnSetting);
    f.ls.configure({ phone: f.selectedPhone ?? f.settings.phone, problems: f.settings.problems });
    const before = f.ls.context.benchFile;
    if (!f.ls.setBenchFile(f.settings.benchFile)) return false;
    // a new workspace model: the dev server's address still applies
    if (f.address) f.ls.context.ws.setServerAddress(f.address);
    // the old bench file is an ordinary file now: its diagnostics go
    for (const d of documents.all()) {
      if (folderOf(d.uri) !== f || relevant(d) || !diagnostics.hasPublished(d.uri)) continue;
      clearDiagnostics(d.uri);
    }
    notifyChanged(f.ls.context.uriOf(before));
    notifyChanged(f.ls.context.uriOf(f.settings.benchFile));
    registerBench();
    return true;
  }

  /**
   * Bench files other than `bench.yaml` are outside the client's static document selector and file
   * watchers: register open/change/close and file events for them (when the client supports dynamic
   * registration), replacing the registration for the previous set.
   */
  function registerBench(): void {
    if (!initialized || (!dynamicSync && !dynamicWatch)) return;
    const files = [
      ...new Set(
        folders
          .all()
          .map((f) => f.ls.context.benchFile)
          .filter((b) => b !== BENCH_FILE),
      ),
    ].sort();
    const key = files.join('\n');
    if ((benchRegistration?.key ?? '') === key) return;
    const previous = benchRegistration;
    benchRegistration = undefined;
    if (previous) void previous.done.then((d) => d?.dispose()).catch(() => {});
    if (!files.length) return;
    const globs = files.map((file) => `**/${file}`);
    const documentSelector = globs.map((pattern) => ({ scheme: 'file', pattern }));
    const bulk = BulkRegistration.create();
    if (dynamicSync) {
      bulk.add(DidOpenTextDocumentNotification.type, { documentSelector });
      bulk.add(DidChangeTextDocumentNotification.type, { documentSelector, syncKind: TextDocumentSyncKind.Incremental });
      bulk.add(DidCloseTextDocumentNotification.type, { documentSelector });
    }
    if (dynamicWatch) bulk.add(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) });
    const done = connection.client.register(bulk).then(
      (d) => d as Disposable,
      (e) => {
        log(`registration for ${files.join(', ')}: ${(e as Error).message}`);
        return undefined;
      },
    );
    benchRegistration = { key, done };
  }

  /** Pulls a folder's settings (scoped to it: resource settings such as benchFile may differ per folder). */
  async function pullSettings(f: Folder): Promise<boolean> {
    if (!pullConfig) return false;
    try {
      const scope = folders.isLoose(f) ? { section: SETTINGS_SECTION } : { scopeUri: f.uri, section: SETTINGS_SECTION };
      const [cfg] = await connection.workspace.getConfiguration([scope]);
      return applySettings(f, cfg);
    } catch (e) {
      log(`configuration: ${(e as Error).message}`);
      return false;
    }
  }

  async function refreshSettings(): Promise<void> {
    if (!pullConfig) return;
    await Promise.all(
      folders.all().map(async (f) => {
        if (await pullSettings(f)) revalidate(f, () => 0);
      }),
    );
  }

  connection.onDidChangeConfiguration(async (change) => {
    const s = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pullConfig) await refreshSettings();
    else if (s) for (const f of folders.all()) applySettings(f, s);
    revalidate(undefined, () => 0);
  });

  // ---- validation scheduling (diagnosticsScheduler.ts) ----
  const diagnostics = new DiagnosticsScheduler({
    documents,
    folders,
    timer: runtime.timer,
    offThread: () => (offThreadDown ? undefined : runtime.offThread),
    threadDown,
    folderState,
    relevant,
    sendDiagnostics: (p) => void connection.sendDiagnostics(p),
    log,
  });
  const schedule = (uri: string, delay: number, mode: 'fast' | 'full') => diagnostics.schedule(uri, delay, mode);
  const revalidate = (scope: Folder | undefined, delay: (f: Folder) => number, except?: string) =>
    diagnostics.revalidate(scope, delay, except);
  const clearDiagnostics = (uri: string) => diagnostics.clear(uri);
  const editDelay = (f: Folder) => f.settings.validation.delay;

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
    const f = syncDoc(e.document);
    const info = f.ls.info(e.document);
    if (info.kind === 'other') return;
    try {
      f.ls.context.sync(e.document);
    } catch (err) {
      log(String(err));
    }
    schedule(uri, f.settings.validation.delay, 'fast');
    // Other open documents of the folder depend on the bench and on partials (and partials on their templates).
    revalidate(f, (g) => Math.max(g.settings.validation.fullDelay, g.settings.validation.delay), uri);
    notifyChanged(uri);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const f = folders.docFolder.get(uri) ?? folderOf(uri);
    const kind = f.ls.info(e.document).kind;
    diagnostics.forget(uri);
    folders.docFolder.delete(uri);
    f.ls.closeDocument(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (kind === 'bench' || kind === 'partial') revalidate(f, editDelay);
    notifyChanged(uri);
  });

  connection.onDidChangeWatchedFiles((p) => {
    // a file changed on disk: every folder holding it (nested folders: the outer ones too)
    const hit = new Set<Folder>();
    for (const c of p.changes) {
      const owners = folders.listed.filter((f) => c.uri.startsWith(`${f.uri}/`));
      for (const f of owners.length ? owners : [folders.loose()]) hit.add(f);
    }
    for (const f of hit) {
      f.ls.context.filesChanged();
      f.filesEpoch++;
      revalidate(f, editDelay);
    }
    for (const c of p.changes) notifyChanged(c.uri);
  });

  // ---- features ----
  /** The open document and its folder's service (synced to it), or undefined. */
  const open = (uri: string): { d: TextDocument; ls: LanguageService } | undefined => {
    const d = documents.get(uri);
    return d ? { d, ls: syncDoc(d).ls } : undefined;
  };
  /** A feature request on an open document, through runSafe: `fallback` for a closed document or a failure. */
  const withDoc = <T>(
    uri: string,
    what: string,
    fallback: T,
    token: CancellationToken,
    fn: (o: { d: TextDocument; ls: LanguageService }) => T,
  ) =>
    safe(
      () => {
        const o = open(uri);
        return o ? fn(o) : fallback;
      },
      fallback,
      what,
      token,
    );
  connection.onCompletion((p, token) =>
    safe(
      () => {
        const o = open(p.textDocument.uri);
        if (!o) return null;
        // '%', ' ' and ',' trigger completion in 3CX templates only ({IF ua=A,B}, %%variables%%).
        const trigger = p.context?.triggerCharacter;
        if (trigger && THREECX_TRIGGERS.includes(trigger)) {
          if (o.ls.info(o.d).kind !== 'threecx') return null;
          const before = o.d.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
          if (trigger !== '%' && !/^\s*\{IF\s[^}]*$|=\s$/.test(before)) return null; // a space or comma elsewhere is just typing
        }
        return withItemDefaults(o.ls.doComplete(o.d, p.position), itemDefaults);
      },
      null,
      'completion',
      token,
    ),
  );
  connection.onCompletionResolve((item, token) => safe(() => resolveCompletionItem(item), item, 'completion resolve', token));
  connection.onHover((p, token) => withDoc(p.textDocument.uri, 'hover', null, token, (o) => o.ls.doHover(o.d, p.position)));
  connection.onDefinition((p, token) =>
    withDoc(p.textDocument.uri, 'definition', null, token, (o) => o.ls.findDefinition(o.d, p.position)),
  );
  connection.onReferences((p, token) =>
    withDoc(p.textDocument.uri, 'references', [], token, (o) => o.ls.findReferences(o.d, p.position, p.context.includeDeclaration)),
  );
  connection.onDocumentSymbol((p, token) => withDoc(p.textDocument.uri, 'symbols', [], token, (o) => o.ls.findDocumentSymbols(o.d)));
  connection.onFoldingRanges((p, token) => withDoc(p.textDocument.uri, 'folding', [], token, (o) => o.ls.getFoldingRanges(o.d)));
  // "Add to workspace catalog": write catalog/<vendor>.yaml of the document's folder, then check again.
  connection.onExecuteCommand((p) => {
    if (p.command !== ADD_TO_CATALOG_COMMAND) return;
    const args = p.arguments?.[0] as AddToCatalogArgs | undefined;
    if (!args || typeof args.uri !== 'string') return;
    const f = folderOf(args.uri);
    const change = addToWorkspaceCatalog(f.ls.context, args);
    const target = change && URI.parse(f.ls.context.uriOf(change.path));
    if (!change || target?.scheme !== 'file') return;
    try {
      mkdirSync(dirname(target.fsPath), { recursive: true });
      writeFileSync(target.fsPath, change.text);
    } catch (e) {
      void connection.window.showErrorMessage(`Cannot write ${change.path}: ${(e as Error).message}`);
      return;
    }
    f.ls.context.filesChanged();
    f.filesEpoch++;
    revalidate(f, () => 0);
  });

  connection.onCodeAction((p, token) =>
    withDoc(p.textDocument.uri, 'code actions', [], token, (o) => o.ls.getCodeActions(o.d, p.range, p.context.diagnostics)),
  );

  connection.onRequest(renderRequest, async (p, token) => {
    const failed = (message: string) => ({
      uri: p.uri,
      version: p.version,
      phone: { name: p.phone, mac: '', vendor: '', model: '' },
      fileName: '',
      text: '',
      errors: [message],
      contentType: 'text/plain',
      escape: 'none' as const,
    });
    const d = documents.get(p.uri);
    return offOrInline(
      (off) => off.render(folderState(d ? syncDoc(d) : folderOf(p.uri)), d?.uri, p, d?.version),
      () => {
        const o = open(p.uri);
        return o ? o.ls.render(o.d, p) : service(p.uri).render(undefined, p);
      },
      (stopped) => failed(stopped ? `rendering ${stopped}` : 'internal error while rendering'),
      'render',
      token,
    );
  });
  connection.onRequest(listPhonesRequest, (p, token) =>
    safe(
      () => {
        const params = p ?? {};
        return (typeof params.uri === 'string' && params.uri ? service(params.uri) : folders.forRequest(params.folderUri).ls).listPhones(
          params,
        );
      },
      [],
      'listPhones',
      token,
    ),
  );
  connection.onRequest(listRoutesRequest, (p, token) =>
    safe(
      () => {
        return folders.forRequest(p?.folderUri).ls.listRoutes(p ?? {});
      },
      [],
      'listRoutes',
      token,
    ),
  );
  // a phone's effective configuration renders every file it requests: on the service thread
  connection.onRequest(effectiveRequest, async (p, token) => {
    const params = { phone: typeof p?.phone === 'string' ? p.phone : undefined, key: typeof p?.key === 'string' ? p.key : undefined };
    const f = folders.forRequest(p?.folderUri);
    const configured = { ...params, phone: params.phone ?? f.selectedPhone ?? f.settings.phone };
    return offOrInline(
      (off) => off.effective(folderState(f), configured),
      () => f.ls.effective(configured),
      (stopped) => ({ error: stopped ? `rendering ${stopped}` : 'internal error' }),
      'effective',
      token,
    );
  });
  connection.onNotification(selectPhoneNotification, (p) => {
    const phone = typeof p?.phone === 'string' && p.phone ? p.phone : undefined;
    const scope = typeof p?.folderUri === 'string' && p.folderUri ? [folders.forRequest(p.folderUri)] : folders.all();
    for (const f of scope) {
      f.selectedPhone = phone;
      f.ls.configure({ phone: phone ?? f.settings.phone });
      revalidate(f, editDelay);
    }
  });
  connection.onNotification(devServerChangedNotification, (p) => {
    if (!p || typeof p.folderUri !== 'string' || !p.folderUri) return;
    const f = folders.forRequest(p.folderUri);
    const address = sanitizeAddress(p.address);
    f.address = address;
    try {
      if (!f.ls.context.ws.setServerAddress(address)) return;
    } catch (e) {
      log(`devServerChanged: ${(e as Error)?.stack ?? String(e)}`);
      return;
    }
    f.ls.context.generation++;
    // previews re-render (workspaceChanged) and output checks see the new server.url
    notifyChanged(f.ls.context.uriOf(f.ls.context.benchFile));
    revalidate(f, editDelay);
  });

  connection.onShutdown(() => runtime.offThread?.dispose());
  documents.listen(connection);
  connection.listen();
}
