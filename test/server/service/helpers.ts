// Service test helpers: an in-memory workspace and caret markers ('|' marks the cursor).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryFiles } from '../../../server/src/core/files';
import { createLanguageService, type LanguageService } from '../../../server/src/service/languageService';
import { EXAMPLE_ACCOUNT, EXAMPLE_BENCH, EXAMPLE_MAC_CFG } from '../node/helpers';

export const ROOT = 'file:///ws';
export { EXAMPLE_ACCOUNT, EXAMPLE_BENCH, EXAMPLE_MAC_CFG };

export function service(files: Record<string, string> = {}): LanguageService {
  return createLanguageService(
    ROOT,
    new MemoryFiles(
      new Map(
        Object.entries({
          'bench.yaml': EXAMPLE_BENCH,
          'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
          'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
          ...files,
        }),
      ),
    ),
  );
}

/** A document from text with a '|' caret ('‸' when the text itself has '|', e.g. block params), and the caret position. */
export function at(src: string, path = 'templates/yealink/mac.cfg.hbs', version = 1) {
  const caret = src.includes('‸') ? '‸' : '|';
  const o = src.indexOf(caret);
  const text = o < 0 ? src : src.slice(0, o) + src.slice(o + 1);
  const doc = TextDocument.create(
    `${ROOT}/${path}`,
    path.endsWith('.xml.hbs') ? 'provisioning-xml-hbs' : 'provisioning-cfg-hbs',
    version,
    text,
  );
  return { doc, pos: doc.positionAt(o < 0 ? 0 : o) };
}

export function docOf(text: string, path = 'templates/yealink/mac.cfg.hbs', version = 1): TextDocument {
  return TextDocument.create(
    `${ROOT}/${path}`,
    path === 'bench.yaml' ? 'yaml' : path.endsWith('.xml.hbs') ? 'provisioning-xml-hbs' : 'provisioning-cfg-hbs',
    version,
    text,
  );
}

export function labels(ls: LanguageService, src: string, path?: string): string[] {
  const { doc, pos } = at(src, path);
  try {
    return ls.doComplete(doc, pos).items.map((i) => i.label);
  } finally {
    ls.closeDocument(doc.uri);
  }
}
