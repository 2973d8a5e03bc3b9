// When the language server checks each open document and publishes its diagnostics: a fast pass (the
// representative phones) after an edit, a full pass over every bench phone when the fast one rendered fewer
// than the file serves, on the service thread when there is one (a validation still running for an older
// version is cancelled there), inline otherwise. A version's first result is always published; an identical
// re-publish of the same version is not.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FolderState, OffThreadService } from './offThread';
import { SOURCE, type ValidationResult } from './service/validation';
import type { Folder, WorkspaceFolders } from './workspaceFolders';

export interface SchedulerHost {
  documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] };
  folders: WorkspaceFolders;
  timer: { setTimeout(cb: () => void, ms: number): { dispose(): void } };
  /** The service thread, unless there is none or it could not start. */
  offThread(): OffThreadService | undefined;
  /** The service thread cannot start: checking goes on inline (said once). */
  threadDown(why: string): void;
  folderState(f: Folder): FolderState;
  /** Whether the document is a template, partial or bench file of its folder. */
  relevant(doc: TextDocument): boolean;
  sendDiagnostics(p: { uri: string; version?: number; diagnostics: Diagnostic[] }): void;
  log(m: string): void;
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, { dispose(): void }>();
  private readonly published = new Map<string, string>();

  constructor(private readonly host: SchedulerHost) {}

  /** Checks the document after `delay` ms (replacing a check scheduled for it). */
  schedule(uri: string, delay: number, mode: 'fast' | 'full'): void {
    this.timers.get(uri)?.dispose();
    this.timers.set(
      uri,
      this.host.timer.setTimeout(() => {
        this.timers.delete(uri);
        this.validateNow(uri, mode);
      }, delay),
    );
  }

  /** Re-validates the open documents of one folder (every folder when undefined), each after `delay(folder)`. */
  revalidate(scope: Folder | undefined, delay: (f: Folder) => number, except?: string): void {
    for (const d of this.host.documents.all()) {
      if (d.uri === except) continue;
      const f = this.host.folders.of(d.uri);
      if ((!scope || f === scope) && this.host.relevant(d)) this.schedule(d.uri, delay(f), 'fast');
    }
  }

  /** No check pending; the diagnostics published for it, if any, removed. */
  clear(uri: string): void {
    this.cancel(uri);
    if (!this.published.delete(uri)) return;
    this.host.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A closed document: nothing pending, nothing remembered (the caller clears what the client shows). */
  forget(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
  }

  hasPublished(uri: string): boolean {
    return this.published.has(uri);
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.dispose();
    this.timers.delete(uri);
  }

  private validateNow(uri: string, mode: 'fast' | 'full'): void {
    const { documents, log } = this.host;
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const f = this.host.folders.syncDoc(doc);
    const v = f.settings.validation;
    const opts = { phones: mode === 'full' || v.allPhonesWhileTyping ? ('all' as const) : ('representative' as const) };
    const off = this.host.offThread();
    const done = (result: ValidationResult) => {
      const now = documents.get(uri);
      if (now?.version !== version) return; // stale: a newer version is scheduled
      if (off && !this.host.relevant(now)) return; // settings changed meanwhile (another bench file): cleared
      this.send(uri, version, result.diagnostics);
      if (mode === 'fast' && result.rendered < result.served) this.schedule(uri, v.fullDelay, 'full');
    };
    if (off) {
      void off.validate(this.host.folderState(f), { uri, version }, opts).then(
        (o) => {
          if (o.ok) done(o.value);
          else if (o.reason === 'stopped') done(stoppedResult(o.message));
          else if (o.reason === 'unavailable') {
            this.host.threadDown(o.message);
            this.validateNow(uri, mode);
          } else if (o.reason === 'failed') log(`validation of ${uri}: ${o.message}`);
        },
        (e) => log(`validation of ${uri}: ${String(e)}`),
      );
      return;
    }
    let result: ValidationResult;
    try {
      result = f.ls.validate(doc, opts);
    } catch (e) {
      log(`validation of ${uri}: ${(e as Error)?.stack ?? String(e)}`);
      return;
    }
    done(result);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    // Always publish the first result of a version (clients wait for it), skip identical re-publishes of a full pass.
    if (this.published.get(uri) === `${version}|${key}`) return;
    this.published.set(uri, `${version}|${key}`);
    this.host.sendDiagnostics({ uri, version, diagnostics });
  }
}

/** A diagnostic for a validation the service thread stopped (a render far past its budget). */
function stoppedResult(message: string): ValidationResult {
  return {
    diagnostics: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: 'render-limit',
        source: SOURCE,
        message: `checking this file was ${message}: a render runs far past its budget (a loop whose steps are slow?)`,
      },
    ],
    rendered: 0,
    served: 0,
  };
}
