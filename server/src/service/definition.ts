// Go to definition: a partial call goes to the partial's file; a data path goes to the value in the
// bench file that feeds it for the selected phone (loops: the first item).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import type { Phone } from '../core/types';
import { concreteOf, pathFromString } from './ast';
import type { ServiceContext } from './context';
import { mustacheAt } from './cursor';
import { tokenAt } from './hover';
import { HELPERS } from '../core/render/helpers';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function findDefinition(ctx: ServiceContext, doc: TextDocument, pos: Position): Location | null {
  const info = ctx.sync(doc);
  if (info.kind !== 'template' && info.kind !== 'partial') return null;
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  const m = mustacheAt(text, offset) ?? mustacheAt(text, offset + 1);
  if (!m || m.kind === 'comment' || m.inString) return null;
  const t = tokenAt(text, m, offset);
  if (!t) return null;
  if (m.kind === 'partial') {
    const file = ctx.ws.resolvePartialFile(t.token, info.path);
    return file ? { uri: ctx.uriOf(file), range: START } : null;
  }
  if (m.helperPosition && Object.prototype.hasOwnProperty.call(HELPERS, t.token)) return null;
  const ast = ctx.astAt(doc, offset, m.open);
  if (!ast) return null;
  const enc = ctx.enclosing(doc, ast, pos);
  const concrete = concreteOf(pathFromString(t.token), enc.frame, ctx.partialBase(info.path).frame);
  const phone = ctx.phoneFor(info.path);
  if (!concrete || !phone) return null;
  const parsed = ctx.bench();
  const benchPath = toBenchPath(concrete, phone, parsed.bench.phones.indexOf(phone), parsed.bench.vars);
  if (!benchPath) return null;
  for (let n = benchPath.length; n > 0; n--) {
    const range = parsed.locate(benchPath.slice(0, n));
    if (range) return { uri: ctx.uriOf(ctx.benchFile), range };
  }
  return null;
}

/** Where a render-context path comes from in the bench file, for one phone. */
export function toBenchPath(
  path: (string | number)[],
  phone: Phone,
  phoneIndex: number,
  globalVars: Record<string, unknown>,
): (string | number)[] | undefined {
  const [head, ...rest] = path;
  const ph = ['phones', phoneIndex];
  switch (head) {
    case 'lines':
    case 'keys':
      return [...ph, head, ...rest];
    case 'phone': {
      const f = String(rest[0] ?? '');
      const field = f === 'mac_upper' || f === 'mac_colon' ? 'mac' : f;
      return ['mac', 'name', 'ip', 'sip_port', 'model', 'vendor'].includes(field) ? [...ph, field] : ph;
    }
    case 'model':
      return [...ph, 'model'];
    case 'vars': {
      const k = rest[0];
      if (k !== undefined && Object.prototype.hasOwnProperty.call(phone.vars, k)) return [...ph, 'vars', ...rest];
      return k !== undefined && Object.prototype.hasOwnProperty.call(globalVars, k) ? ['vars', ...rest] : ['vars'];
    }
    case 'pbx':
    case 'contacts':
      return [head, ...rest];
    case 'server':
      return ['server', 'url'];
    default:
      return undefined;
  }
}
