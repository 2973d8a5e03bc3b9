// The language service: plain functions over documents, bound to one workspace (files on disk overlaid
// by unsaved buffers). Never sees a connection; the server (server.ts) and tests call it the same way.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import { OverlayFiles, type FileSource } from '../core/files';
import type { ListPhonesParams, PhoneInfo, RenderParams, RenderResultMessage, RouteInfo } from '../protocol';
import { getCodeActions } from './codeActions';
import { doComplete } from './completion';
import { ServiceContext, type DocInfo, type ServiceSettings } from './context';
import { findDefinition } from './definition';
import { getFoldingRanges } from './folding';
import { doHover } from './hover';
import { findReferences } from './references';
import { listPhones, listRoutes, renderDocument } from './render';
import { findDocumentSymbols } from './symbols';
import { getThreeCxCodeActions } from './threecxCodeActions';
import { doCompleteThreeCx } from './threecxCompletion';
import { getThreeCxFoldingRanges } from './threecxFolding';
import { doHoverThreeCx } from './threecxHover';
import { renderThreeCxDocument } from './threecxRender';
import { findThreeCxSymbols } from './threecxSymbols';
import { validate, type ValidationOptions, type ValidationResult } from './validation';

export interface LanguageService {
  readonly context: ServiceContext;
  configure(settings: ServiceSettings): void;
  /** Uses another bench file (workspace-relative): re-creates the workspace model; false when unchanged. */
  setBenchFile(file: string | undefined): boolean;
  /** Kind, path and vendor of a document (template, partial, bench, 3CX template, other); a document's language id counts too. */
  info(doc: string | TextDocument): DocInfo;
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
}

/**
 * A language service over a workspace root. `files` is the base file source (disk, or MemoryFiles in
 * tests); open documents overlay it as features are called with them. `benchFile`: the bench file,
 * workspace-relative (default `bench.yaml`).
 */
export function createLanguageService(rootUri: string, files: FileSource, opts: { benchFile?: string } = {}): LanguageService {
  const ctx = new ServiceContext(rootUri, files instanceof OverlayFiles ? files : new OverlayFiles(files), opts.benchFile);
  const is3cx = (doc: TextDocument | string) => ctx.info(doc).kind === 'threecx';
  return {
    context: ctx,
    configure: (s) => { ctx.settings = { ...ctx.settings, ...s }; },
    setBenchFile: (file) => ctx.setBenchFile(file),
    info: (uri) => ctx.info(uri),
    closeDocument: (uri) => ctx.close(uri),
    doValidation: (doc, opts) => validate(ctx, doc, opts).diagnostics,
    validate: (doc, opts) => validate(ctx, doc, opts),
    doComplete: (doc, pos) => (is3cx(doc) ? doCompleteThreeCx(ctx, doc, pos) : doComplete(ctx, doc, pos)),
    doHover: (doc, pos) => (is3cx(doc) ? doHoverThreeCx(ctx, doc, pos) : doHover(ctx, doc, pos)),
    findDefinition: (doc, pos) => (is3cx(doc) ? null : findDefinition(ctx, doc, pos)),
    findReferences: (doc, pos, incl) => (is3cx(doc) ? [] : findReferences(ctx, doc, pos, incl)),
    findDocumentSymbols: (doc) => (is3cx(doc) ? findThreeCxSymbols(ctx, doc) : findDocumentSymbols(ctx, doc)),
    getFoldingRanges: (doc) => (is3cx(doc) ? getThreeCxFoldingRanges(ctx, doc) : getFoldingRanges(ctx, doc)),
    getCodeActions: (doc, range, diags) => (is3cx(doc) ? getThreeCxCodeActions(ctx, doc, range, diags) : getCodeActions(ctx, doc, range, diags)),
    render: (doc, params) => (is3cx(doc ?? params.uri) ? renderThreeCxDocument(ctx, doc, params) : renderDocument(ctx, doc, params)),
    listPhones: (params) => listPhones(ctx, params),
    listRoutes: (params) => listRoutes(ctx, params),
  };
}
