// What the language server hands to another thread: validation and preview renders, with everything the
// thread needs to hold the same workspace as the connection's thread (folder root, bench file, settings,
// dev server address, open buffers). The connection's thread keeps answering hovers and completions
// while a render runs; a render past its budget costs the other thread, which is restarted.
import type { ServerAddress } from './core/context';
import type { ProblemOverrides } from './core/problems/policy';
import type { EffectiveParams, EffectiveResult, RenderParams, RenderResultMessage } from './protocol';
import type { ValidationOptions, ValidationResult } from './service/validation';

export interface FolderState {
  /** The folder URI (the language service's root URI). */
  uri: string;
  /** Its path on disk, or undefined for a folder of open buffers only. */
  root?: string;
  benchFile: string;
  phone?: string;
  problems?: ProblemOverrides;
  address?: ServerAddress;
  /** Bumped whenever files may have been created or deleted on disk (watched-file events). */
  filesEpoch: number;
  /** The folder's open documents (templates, partials, bench, 3CX templates). */
  docs: OpenDoc[];
}

export interface OpenDoc {
  uri: string;
  languageId: string;
  text: string;
}

export type OffThreadOutcome<T> =
  | { ok: true; value: T }
  /**
   * `stopped`: still running past its budget, the thread was restarted; `superseded`: a newer job for the same
   * document replaced it; `unavailable`: the thread cannot start (the caller does the work itself).
   */
  | { ok: false; reason: 'stopped' | 'superseded' | 'failed' | 'unavailable'; message: string };

export interface OffThreadService {
  validate(
    folder: FolderState,
    doc: { uri: string; version: number },
    opts: ValidationOptions,
  ): Promise<OffThreadOutcome<ValidationResult>>;
  /** `uri`/`version`: the open document rendered (its buffer), else the file on disk named by params. */
  render(
    folder: FolderState,
    uri: string | undefined,
    params: RenderParams,
    version?: number,
  ): Promise<OffThreadOutcome<RenderResultMessage>>;
  /** A phone's effective configuration (renders every file the phone requests). */
  effective(folder: FolderState, params: EffectiveParams): Promise<OffThreadOutcome<EffectiveResult>>;
  dispose(): Promise<void>;
}
