// The language service: plain functions over documents, bound to one workspace (files on disk overlaid
// by unsaved buffers). Never sees a connection; the LSP wiring (languageServer.ts) and tests call it the same way.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { OverlayFiles, type FileSource } from '../core/files';
import type {
  EffectiveParams,
  EffectiveResult,
  ListPhonesParams,
  PhoneInfo,
  RenderParams,
  RenderResultMessage,
  RouteInfo,
} from '../protocol';
import { effective } from './effective';
import { ServiceContext, type DocInfo, type ServiceSettings } from './context';
import { getLanguageModes, renderNotATemplate, type LanguageMode } from './modes/languageModes';
import { listPhones, listRoutes } from './render';
import type { ValidationOptions, ValidationResult } from './validation';

export interface LanguageService {
  readonly context: ServiceContext;
  configure(settings: ServiceSettings): void;
  /** Uses another bench file (workspace-relative): re-creates the workspace model; false when unchanged. */
  setBenchFile(file: string | undefined): boolean;
  /** Kind, path and vendor of a document (template, partial, bench, 3CX template, other); a document's language id counts too. */
  info(doc: string | TextDocument): DocInfo;
  /** The language mode of a document (Handlebars, 3CX, bench, plain), chosen once per document. */
  modeFor(doc: string | TextDocument): LanguageMode;
  /** Forget an unsaved buffer (the disk version applies again). */
  closeDocument(uri: string): void;
  doValidation(doc: TextDocument, opts?: ValidationOptions): Diagnostic[];
  validate(doc: TextDocument, opts?: ValidationOptions): ValidationResult;
  doComplete(doc: TextDocument, pos: Position): CompletionList;
  doHover(doc: TextDocument, pos: Position): Hover | null;
  findDefinition(doc: TextDocument, pos: Position): Location | null;
  findReferences(doc: TextDocument, pos: Position, includeDeclaration?: boolean): Location[];
  findDocumentSymbols(doc: TextDocument): DocumentSymbol[];
  getFoldingRanges(doc: TextDocument): FoldingRange[];
  getCodeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  render(doc: TextDocument | undefined, params: RenderParams): RenderResultMessage;
  listPhones(params: ListPhonesParams): PhoneInfo[];
  listRoutes(params: { phone?: string }): RouteInfo[];
  /** A phone's effective configuration (final value of every key, who set it, what it overrode). */
  effective(params: EffectiveParams): EffectiveResult;
}

/**
 * A language service over a workspace root. `files` is the base file source (disk, or MemoryFiles in
 * tests); open documents overlay it as features are called with them. `benchFile`: the bench file,
 * workspace-relative (default `bench.yaml`).
 */
export function createLanguageService(
  rootUri: string,
  files: FileSource,
  opts: { benchFile?: string; benchTracked?: (file: string) => boolean } = {},
): LanguageService {
  const ctx = new ServiceContext(rootUri, files instanceof OverlayFiles ? files : new OverlayFiles(files), opts.benchFile);
  ctx.benchTracked = opts.benchTracked;
  const modes = getLanguageModes(ctx);
  const mode = (doc: TextDocument | string) => modes.modeFor(doc);
  const nothing = (): ValidationResult => ({ diagnostics: [], rendered: 0, served: 0 });
  return {
    context: ctx,
    configure: (s) => {
      ctx.settings = { ...ctx.settings, ...s };
    },
    setBenchFile: (file) => {
      const changed = ctx.setBenchFile(file);
      if (changed) modes.reset();
      return changed;
    },
    info: (uri) => ctx.info(uri),
    modeFor: mode,
    closeDocument: (uri) => {
      ctx.close(uri);
      modes.onDocumentRemoved(uri);
    },
    doValidation: (doc, opts) => (mode(doc).validate?.(doc, opts) ?? nothing()).diagnostics,
    validate: (doc, opts) => mode(doc).validate?.(doc, opts) ?? nothing(),
    doComplete: (doc, pos) => mode(doc).doComplete?.(doc, pos) ?? { isIncomplete: false, items: [] },
    doHover: (doc, pos) => mode(doc).doHover?.(doc, pos) ?? null,
    findDefinition: (doc, pos) => mode(doc).findDefinition?.(doc, pos) ?? null,
    findReferences: (doc, pos, incl) => mode(doc).findReferences?.(doc, pos, incl) ?? [],
    findDocumentSymbols: (doc) => mode(doc).findDocumentSymbols?.(doc) ?? [],
    getFoldingRanges: (doc) => mode(doc).getFoldingRanges?.(doc) ?? [],
    getCodeActions: (doc, range, diags) => mode(doc).getCodeActions?.(doc, range, diags) ?? [],
    render: (doc, params) => mode(doc ?? params.uri).render?.(doc, params) ?? renderNotATemplate(ctx, doc, params),
    listPhones: (params) => listPhones(ctx, params),
    listRoutes: (params) => listRoutes(ctx, params),
    effective: (params) => effective(ctx, params),
  };
}
