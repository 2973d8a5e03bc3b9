// The Handlebars mode: `*.hbs` templates and partials, every language feature.
import { handlebarsDialect } from '../../core/dialect';
import { getCodeActions } from '../codeActions';
import { doComplete } from '../completion';
import type { ServiceContext } from '../context';
import { findDefinition } from '../definition';
import { getFoldingRanges } from '../folding';
import { doHover } from '../hover';
import { findReferences } from '../references';
import { renderDocument } from '../render';
import { findDocumentSymbols } from '../symbols';
import { validate } from '../validation';
import type { LanguageMode } from './languageModes';

export function getHandlebarsMode(ctx: ServiceContext): LanguageMode {
  return {
    id: 'handlebars',
    dialect: handlebarsDialect,
    validate: (doc, opts) => validate(ctx, doc, { ...opts, dialect: handlebarsDialect }),
    doComplete: (doc, pos) => doComplete(ctx, doc, pos),
    doHover: (doc, pos) => doHover(ctx, doc, pos),
    findDefinition: (doc, pos) => findDefinition(ctx, doc, pos),
    findReferences: (doc, pos, includeDeclaration) => findReferences(ctx, doc, pos, includeDeclaration),
    findDocumentSymbols: (doc) => findDocumentSymbols(ctx, doc),
    getFoldingRanges: (doc) => getFoldingRanges(ctx, doc),
    getCodeActions: (doc, range, diagnostics) => getCodeActions(ctx, doc, range, diagnostics),
    render: (doc, params) => renderDocument(ctx, doc, params),
  };
}
