// Completion in 3CX templates: `%%` → variables (3CX's documented ones with descriptions, the
// template's own option variables and `param::` names, the per-key variables inside `{IF blfN}` and in
// <blftype>); `{` at line start → {IF …}/{ELSE}/{ENDIF}; `{IF ` → `ua=` (the template's models),
// `network=` (3CX's modes), `blfN`, variables and their option values; and in a deviceconfig body the
// vendor keys and values of the file's vendor (the Handlebars host-text completion, shared).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { NETWORK_MODES } from '../core/threecx/check';
import type { ThreeCxTemplate } from '../core/threecx/envelope';
import { resolveVariable, type ThreeCxEnv } from '../core/threecx/render';
import { THREECX_VARIABLES } from '../core/threecx/variables';
import { VERSIONED_VARIABLES } from '../core/threecx/versionedVariables';
import { hostCompletions } from './completion';
import type { ServiceContext } from './context';
import { lineAt } from './cursor';
import {
  asMustaches,
  blfScope,
  bodyAt,
  catalogForBody,
  envFor,
  openIfsAt,
  phoneFor,
  threeCxDoc,
  type BodyRange,
  type ThreeCxDoc,
} from './threecxDocument';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
export const SECRET_VARIABLE = /pass(word)?|secret|pwd|_pw$|PIN$/i;

export function doCompleteThreeCx(ctx: ServiceContext, doc: TextDocument, pos: Position): CompletionList {
  const d = threeCxDoc(ctx, doc);
  const offset = doc.offsetAt(pos);
  const text = d.text;
  const line = lineAt(text, offset);
  const before = line.text.slice(0, line.col);
  const after = line.text.slice(line.col);
  const body = bodyAt(d, offset);
  const inBlftype = !body && text.lastIndexOf('<blftype', offset) > text.lastIndexOf('</blftype>', offset);

  const ref = variableTyped(before, after);
  if (ref) {
    if (!body && !inBlftype && !insideElementText(text, offset)) return EMPTY;
    const range: Range = { start: doc.positionAt(line.start + ref.start), end: doc.positionAt(line.start + ref.end) };
    const blf = body ? blfScope(openIfsAt(text, body, offset)) : undefined;
    return { isIncomplete: false, items: variableItems(ctx, d, range, body ? blf !== undefined : inBlftype, blf) };
  }
  if (!body) return EMPTY;
  const closeBrace = after.startsWith('}') ? 1 : 0;
  const directive = /^(\s*)\{([A-Za-z]*)$/.exec(before);
  if (directive) {
    const range: Range = { start: doc.positionAt(line.start + directive[1].length), end: doc.positionAt(offset + closeBrace) };
    return { isIncomplete: false, items: directiveItems(d, body, text, offset, range) };
  }
  const cond = /^\s*\{IF\s+([^}]*)$/.exec(before);
  if (cond) return { isIncomplete: false, items: conditionItems(ctx, d, body, cond[1], doc, offset, after) };
  if (/^\s*\{/.test(before)) return EMPTY;
  const cat = catalogForBody(ctx, d, body);
  if (!cat) return EMPTY;
  const items = hostCompletions(ctx, doc, asMustaches(text), offset, {
    cat,
    xml: cat.xml,
    vendor: cat.vendor,
    model: phoneFor(ctx, d)?.model,
    snippets: false,
  });
  return { isIncomplete: false, items };
}

/** A `%%name` being typed (or a lone `%` after a non-word character): its start column and the column to replace to. */
function variableTyped(before: string, after: string): { start: number; end: number } | undefined {
  const stripped = before.replace(/%%[A-Za-z_][\w.:]*%%/g, (m) => ' '.repeat(m.length));
  let start: number;
  const open = /%%([\w.:]*)$/.exec(stripped);
  if (open) start = open.index;
  else if (/(^|[^\w%])%$/.test(stripped)) start = before.length - 1;
  else return undefined;
  const rest = /^([\w.:]*)(%%)?/.exec(after)!; // an existing rest of the name and closing %% are replaced
  return { start, end: before.length + rest[0].length };
}

/** Inside an element's text in the envelope (`<Value>%%…`), where 3CX expands variables too. */
function insideElementText(text: string, offset: number): boolean {
  return text.lastIndexOf('>', offset - 1) > text.lastIndexOf('<', offset - 1);
}

const maskValue = (name: string, v: string) => (SECRET_VARIABLE.test(name) && v ? '••••••' : v);

function valueNote(name: string, env: ThreeCxEnv | undefined, phone: string | undefined): string {
  if (!env || !phone) return '';
  const r = resolveVariable(name, env);
  if (!r) return '';
  return `\n\nValue for **${phone}**: ${r.unset ? '*(not set)*' : r.value === '' ? '*(empty)*' : '`' + maskValue(name, r.value).replace(/`/g, "'") + '`'}`;
}

export function variableItems(
  ctx: ServiceContext,
  d: ThreeCxDoc,
  range: Range,
  perKey: boolean,
  blf: number | undefined,
): CompletionItem[] {
  const tpl = d.tpl;
  const phone = phoneFor(ctx, d);
  const env = tpl && phone ? envFor(ctx, tpl, phone, blf) : undefined;
  const items = new Map<string, CompletionItem>();
  const add = (name: string, detail: string, description: string, sort: string, snippet?: string) => {
    if (items.has(name)) return;
    const body = snippet ?? name;
    items.set(name, {
      label: name,
      kind: sort === '0' ? CompletionItemKind.Field : CompletionItemKind.Variable,
      detail,
      sortText: `${sort}${name}`,
      documentation: { kind: MarkupKind.Markdown, value: description + (snippet ? '' : valueNote(name, env, phone?.name)) },
      filterText: `%%${name}`,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : undefined,
      textEdit: { range, newText: `%%${body}%%` },
    });
  };
  for (const v of THREECX_VARIABLES) {
    if (v.perKey && !perKey) continue;
    const sort = v.perKey ? '0' : '1';
    if (/N$/.test(v.name)) {
      add(v.name, v.bench, v.description, '2', `${v.name.slice(0, -1)}\${1:1}`);
      continue;
    }
    if (v.name.includes('<vendor>')) {
      const params = [
        ...new Set([
          ...(tpl?.optionLists.filter((l) => l.param).map((l) => l.param!) ?? []),
          ...(d.profile ? [`time_timezone_${d.profile.id}`] : []),
        ]),
      ];
      for (const p of params) add(`param::${p}`, v.bench, v.description, sort);
      continue;
    }
    add(v.name, v.bench, v.description, sort);
  }
  for (const v of tpl?.declared.values() ?? [])
    add(
      v.name,
      v.list ? `option list <${v.list}> (default '${v.defaultValue}')` : `template field (default '${v.defaultValue}')`,
      v.description,
      '1',
    );
  // variables of the 3CX versions (queues, paging, FXS/DECT accounts, …) the template does not declare itself
  for (const v of VERSIONED_VARIABLES) {
    const versions = `3CX ${v.versions.join(', ')}`;
    if (v.name.includes('NN')) add(v.name, versions, v.description, '3', v.name.replace('NN', '${1:01}'));
    else if (/N$/.test(v.name)) add(v.name, versions, v.description, '3', `${v.name.slice(0, -1)}\${1:1}`);
    else add(v.name, versions, v.description, '3');
  }
  return [...items.values()];
}

function directiveItems(d: ThreeCxDoc, body: BodyRange, text: string, offset: number, range: Range): CompletionItem[] {
  const open = openIfsAt(text, body, offset);
  const esc = (s: string) => s.replace(/[,|$}\\]/g, '\\$&');
  const uas = uasOf(d.tpl);
  const nextBlf = Math.max(0, ...[...text.slice(body.start, body.end).matchAll(/\{IF blf(\d+)\}/g)].map((m) => Number(m[1]))) + 1;
  const snippet = (label: string, newText: string, detail: string, sort: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    sortText: sort + label,
    filterText: label,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText },
  });
  const items: CompletionItem[] = [];
  if (open.length) {
    const top = open[open.length - 1];
    if (!top.inElse) items.push(snippet('{ELSE}', '{ELSE}', `else branch of {${top.raw}}`, '0'));
    items.push({ ...snippet('{ENDIF}', '{ENDIF}', `closes {${top.raw}}`, '0'), preselect: true });
  }
  items.push(
    snippet(
      '{IF ua=…}',
      `{IF ua=\${1${uas.length ? `|${uas.map(esc).join(',')}|` : ':'}}}\n$0\n{ENDIF}`,
      "lines for some of the template's models",
      '1',
    ),
    snippet('{IF network=…}', `{IF network=\${1|${NETWORK_MODES.join(',')}|}}\n$0\n{ENDIF}`, 'lines for a network mode', '1'),
    snippet(
      '{IF blfN}',
      `{IF blf\${1:${nextBlf}}}\n$0\n{ELSE}\n{ENDIF}`,
      'lines for key N (per-key %%Type%%, %%Value%%, %%label%%, %%Line%%)',
      '1',
    ),
    snippet('{IF variable}', '{IF ${1:name}}\n$0\n{ENDIF}', 'lines when a variable is not empty (or equals a value: {IF name=a,b})', '2'),
  );
  return items;
}

function uasOf(tpl: ThreeCxTemplate | undefined): string[] {
  return [...new Set((tpl?.models ?? []).map((m) => m.ua ?? m.label).filter(Boolean))];
}

function conditionItems(
  ctx: ServiceContext,
  d: ThreeCxDoc,
  body: BodyRange,
  arg: string,
  doc: TextDocument,
  offset: number,
  after: string,
): CompletionItem[] {
  const tpl = d.tpl;
  const eq = arg.indexOf('=');
  const pos = doc.positionAt(offset);
  if (eq < 0) {
    // `{IF |`: the condition kinds and variable names
    const range: Range = { start: doc.positionAt(offset - arg.length), end: pos };
    const nextBlf = Math.max(0, ...[...d.text.slice(body.start, body.end).matchAll(/\{IF blf(\d+)\}/g)].map((m) => Number(m[1]))) + 1;
    const items: CompletionItem[] = [
      {
        label: 'ua=',
        kind: CompletionItemKind.Keyword,
        detail: 'the phone is one of these models (comma-separated <model ua>)',
        sortText: '0ua',
        textEdit: { range, newText: 'ua=' },
        command: TRIGGER_SUGGEST,
      },
      {
        label: 'network=',
        kind: CompletionItemKind.Keyword,
        detail: `the phone's network mode is one of (${NETWORK_MODES.join(', ')})`,
        sortText: '0network',
        textEdit: { range, newText: 'network=' },
        command: TRIGGER_SUGGEST,
      },
      {
        label: 'blfN',
        kind: CompletionItemKind.Keyword,
        detail: 'the phone has key N (and <blftype> has its kind)',
        sortText: '0blf',
        filterText: 'blf',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `blf\${1:${nextBlf}}` },
      },
    ];
    for (const v of tpl?.declared.values() ?? []) {
      items.push({
        label: v.name,
        kind: CompletionItemKind.Variable,
        detail: `{IF ${v.name}}: not empty; {IF ${v.name}=a,b}: one of the values`,
        documentation: v.description,
        sortText: `1${v.name}`,
        textEdit: { range, newText: v.name },
      });
    }
    return items;
  }
  const name = arg.slice(0, eq).trim();
  const list = arg.slice(eq + 1);
  const typed = list.slice(list.lastIndexOf(',') + 1).replace(/^\s+/, '');
  const tail = /^[^,}]*/.exec(after)![0];
  const range: Range = { start: doc.positionAt(offset - typed.length), end: doc.positionAt(offset + tail.length) };
  const already = new Set(
    list
      .split(',')
      .slice(0, -1)
      .map((v) => v.trim().toLowerCase()),
  );
  const values: { value: string; detail: string }[] = [];
  if (name.toLowerCase() === 'ua') {
    for (const m of tpl?.models ?? []) values.push({ value: m.ua ?? m.label, detail: m.label });
  } else if (name.toLowerCase() === 'network') {
    for (const n of NETWORK_MODES)
      values.push({
        value: n,
        detail: tpl?.networks.length && !tpl.networks.includes(n) ? "not in the template's <AllowedNetworkConfig>" : 'network mode',
      });
  } else if (tpl) {
    for (const l of tpl.optionLists)
      for (const o of l.options)
        if (Object.prototype.hasOwnProperty.call(o.items, name))
          values.push({ value: o.items[name], detail: `<${l.list}> option '${o.label}'` });
  }
  const seen = new Set<string>();
  return values
    .filter((v) => v.value && !already.has(v.value.toLowerCase()) && !seen.has(v.value) && seen.add(v.value))
    .map((v, i) => ({
      label: v.value,
      kind: CompletionItemKind.EnumMember,
      detail: v.detail,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: v.value },
    }));
}
