// Language modes: one per kind of document, chosen once per document from its DocInfo kind (the
// pattern of VS Code's html/css language features). A mode binds the feature functions of its
// dialect; the language service dispatches every feature through `modeFor(doc)` and never branches
// on the dialect itself. A feature a mode lacks (definitions in a 3CX template) is simply absent.
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
import type { TemplateDialect } from '../../core/dialect';
import type { RenderParams, RenderResultMessage } from '../../protocol';
import type { DocKind, ServiceContext } from '../context';
import { renderRequest } from '../render';
import { validate, type ValidationOptions, type ValidationResult } from '../validation';
import { getHandlebarsMode } from './handlebarsMode';
import { getThreeCxMode } from './threecxMode';

export type LanguageModeId = 'handlebars' | '3cx' | 'bench' | 'plain';

export interface LanguageMode {
  readonly id: LanguageModeId;
  /** The core dialect of the mode's templates (none for the bench file and other documents). */
  readonly dialect?: TemplateDialect;
  validate?(doc: TextDocument, opts?: ValidationOptions): ValidationResult;
  doComplete?(doc: TextDocument, pos: Position): CompletionList;
  doHover?(doc: TextDocument, pos: Position): Hover | null;
  findDefinition?(doc: TextDocument, pos: Position): Location | null;
  findReferences?(doc: TextDocument, pos: Position, includeDeclaration?: boolean): Location[];
  findDocumentSymbols?(doc: TextDocument): DocumentSymbol[];
  getFoldingRanges?(doc: TextDocument): FoldingRange[];
  getCodeActions?(doc: TextDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  /** provisioning/render for a document of this mode (`doc` undefined: the file on disk named by params.uri). */
  render?(doc: TextDocument | undefined, params: RenderParams): RenderResultMessage;
}

export interface LanguageModes {
  /** The mode of a document, chosen on first sight and kept until it is closed (or opened under another language id). */
  modeFor(doc: TextDocument | string): LanguageMode;
  getMode(id: LanguageModeId): LanguageMode;
  getAllModes(): LanguageMode[];
  /** Forget a closed document's mode. */
  onDocumentRemoved(uri: string): void;
  /** Forget every choice (the bench file changed: which document is the bench changed with it). */
  reset(): void;
}

/** The bench file: its own problems, nothing else. */
function getBenchMode(ctx: ServiceContext): LanguageMode {
  return { id: 'bench', validate: (doc, opts) => validate(ctx, doc, opts) };
}

const PLAIN_MODE: LanguageMode = { id: 'plain' };

/** provisioning/render for a document whose mode renders nothing (the bench file, a plain file): an error message. */
export function renderNotATemplate(ctx: ServiceContext, doc: TextDocument | undefined, params: RenderParams): RenderResultMessage {
  const { path, base } = renderRequest(ctx, doc, params);
  const why = `${path} is not a template: Handlebars (*.hbs) and 3CX (*.ph.xml, *.fxs.xml) templates render`;
  return { ...base, fileName: path.split('/').pop()!, errors: [why] };
}

const MODE_OF_KIND: Record<DocKind, LanguageModeId> = {
  template: 'handlebars',
  partial: 'handlebars',
  threecx: '3cx',
  bench: 'bench',
  other: 'plain',
};

export function getLanguageModes(ctx: ServiceContext): LanguageModes {
  const modes: Record<LanguageModeId, LanguageMode> = {
    handlebars: getHandlebarsMode(ctx),
    '3cx': getThreeCxMode(ctx),
    bench: getBenchMode(ctx),
    plain: PLAIN_MODE,
  };
  // uri → the mode chosen, with what the choice depended on besides the uri
  const chosen = new Map<string, { mode: LanguageMode; languageId: string; benchFile: string }>();
  const choose = (doc: TextDocument | string) => modes[MODE_OF_KIND[ctx.info(doc).kind]];
  return {
    modeFor(doc) {
      const uri = typeof doc === 'string' ? doc : doc.uri;
      const hit = chosen.get(uri);
      if (hit && hit.benchFile === ctx.benchFile && (typeof doc === 'string' || hit.languageId === doc.languageId)) return hit.mode;
      // A bare uri is looked up, not remembered: only an open document tells its language id.
      if (typeof doc === 'string') return choose(doc);
      const mode = choose(doc);
      chosen.set(uri, { mode, languageId: doc.languageId, benchFile: ctx.benchFile });
      return mode;
    },
    getMode: (id) => modes[id],
    getAllModes: () => Object.values(modes),
    onDocumentRemoved: (uri) => {
      chosen.delete(uri);
    },
    reset: () => chosen.clear(),
  };
}
