// The 3CX mode: `*.ph.xml` / `*.fxs.xml` templates (or any document opened with the 3CX language id).
// No definitions or references: a 3CX template has no partials, and its variables are declared in
// the template itself or by 3CX.
import { threeCxDialect } from '../../core/threecx/dialect';
import type { ServiceContext } from '../context';
import { getThreeCxCodeActions } from '../threecxCodeActions';
import { doCompleteThreeCx } from '../threecxCompletion';
import { getThreeCxFoldingRanges } from '../threecxFolding';
import { doHoverThreeCx } from '../threecxHover';
import { renderThreeCxDocument } from '../threecxRender';
import { findThreeCxSymbols } from '../threecxSymbols';
import { validate } from '../validation';
import type { LanguageMode } from './languageModes';

export function getThreeCxMode(ctx: ServiceContext): LanguageMode {
  return {
    id: '3cx',
    dialect: threeCxDialect,
    validate: (doc, opts) => validate(ctx, doc, { ...opts, dialect: threeCxDialect }),
    doComplete: (doc, pos) => doCompleteThreeCx(ctx, doc, pos),
    doHover: (doc, pos) => doHoverThreeCx(ctx, doc, pos),
    findDocumentSymbols: (doc) => findThreeCxSymbols(ctx, doc),
    getFoldingRanges: (doc) => getThreeCxFoldingRanges(ctx, doc),
    getCodeActions: (doc, range, diagnostics) => getThreeCxCodeActions(ctx, doc, range, diagnostics),
    render: (doc, params) => renderThreeCxDocument(ctx, doc, params),
  };
}
