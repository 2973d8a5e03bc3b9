// Hover in 3CX templates: a `%%variable%%` shows its description, where its bench value comes from and
// its value for the selected phone (the 3CX dialect's render environment, key N inside `{IF blfN}`); an
// `{IF …}` line whether it holds for that phone; a vendor key in a body its catalog entry.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { parseCondition } from '../core/threecx/body';
import { evaluate, resolveVariable } from '../core/threecx/render';
import { KEY_N_RE, PER_KEY, THREECX_VARIABLES } from '../core/threecx/variables';
import { versionedVariable } from '../core/threecx/versionedVariables';
import type { ServiceContext } from './context';
import { lineAt } from './cursor';
import { hostKeyHover } from './hover';
import { SECRET_VARIABLE } from './threecxCompletion';
import { asMustaches, blfScope, bodyAt, catalogForBody, envFor, openIfsAt, phoneFor, threeCxDoc, type ThreeCxDoc } from './threecxDocument';

const DOCS = new Map(THREECX_VARIABLES.map((v) => [v.name, v]));

export function doHoverThreeCx(ctx: ServiceContext, doc: TextDocument, pos: Position): Hover | null {
  const d = threeCxDoc(ctx, doc);
  const offset = doc.offsetAt(pos);
  const line = lineAt(d.text, offset);
  const body = bodyAt(d, offset);
  const range = (s: number, e: number) => ({ start: doc.positionAt(line.start + s), end: doc.positionAt(line.start + e) });
  for (const m of line.text.matchAll(/%%([A-Za-z_][\w.:]*)%%/g)) {
    const s = m.index!,
      e = s + m[0].length;
    if (line.col < s || line.col > e) continue;
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: variableMarkdown(ctx, d, m[1], body ? blfScope(openIfsAt(d.text, body, offset)) : undefined, !!body),
      },
      range: range(s, e),
    };
  }
  if (!body) return null;
  const dir = /^(\s*)\{(IF\s[^}]*)\}\s*$/.exec(line.text);
  if (dir)
    return {
      contents: { kind: MarkupKind.Markdown, value: conditionMarkdown(ctx, d, dir[2].slice(2)) },
      range: range(dir[1].length, dir[1].length + dir[2].length + 2),
    };
  if (/^\s*\{(ELSE|ENDIF)\}/.test(line.text)) return null;
  const cat = catalogForBody(ctx, d, body);
  return cat ? hostKeyHover(doc, asMustaches(d.text), offset, cat, cat.xml) : null;
}

function variableMarkdown(ctx: ServiceContext, d: ThreeCxDoc, name: string, blf: number | undefined, inBody: boolean): string {
  const kn = KEY_N_RE.exec(name);
  const doc =
    DOCS.get(name) ??
    (kn ? DOCS.get(`${kn[1]}N`) : undefined) ??
    (name.startsWith('param::time_timezone_') ? DOCS.get('param::time_timezone_<vendor>') : undefined);
  const declared = d.tpl?.declared.get(name);
  const versioned = versionedVariable(name);
  const lines = [`\`%%${name}%%\` — 3CX variable`];
  if (doc) lines.push('', doc.description, '', `Bench: \`${doc.bench}\``);
  else if (declared) lines.push('', declared.description, '', `Default: \`${declared.defaultValue}\``);
  else if (versioned)
    lines.push(
      '',
      versioned.description,
      '',
      `3CX versions: ${versioned.versions.join(', ')}. Bench: ${/^ext_/.test(name) ? "the phone's lines" : `\`vars.threecx.${name}\``}.`,
    );
  else if (name.startsWith('param::')) lines.push('', `Global parameter: bench \`vars.param.${name.slice(7)}\`.`);
  else
    lines.push(
      '',
      'Not a documented 3CX variable nor one the template declares: it renders empty (override with `vars.threecx.' + name + '`).',
    );
  if (PER_KEY.has(name))
    lines.push(
      '',
      blf !== undefined
        ? `Here: key ${blf} (\`{IF blf${blf}}\`).`
        : inBody
          ? 'Outside `{IF blfN}`: renders empty.'
          : 'Expanded for the key of each `{IF blfN}` block.',
    );
  const phone = phoneFor(ctx, d);
  if (d.tpl && phone && (inBody || !PER_KEY.has(name))) {
    const r = resolveVariable(name, envFor(ctx, d.tpl, phone, blf));
    if (r) {
      const v = r.unset
        ? '*(not set)*'
        : r.value === ''
          ? '*(empty)*'
          : '`' + (SECRET_VARIABLE.test(name) ? '••••••' : r.value.replace(/`/g, "'")) + '`';
      lines.push('', `Value for **${phone.name}**: ${v}`);
    }
  }
  return lines.join('\n');
}

function conditionMarkdown(ctx: ServiceContext, d: ThreeCxDoc, expr: string): string {
  const cond = parseCondition(expr);
  const lines = [`\`{IF${expr}}\``];
  if (!cond)
    return [...lines, '', 'Not a condition: use `{IF ua=…}`, `{IF network=…}`, `{IF blfN}`, `{IF name}` or `{IF name=value}`.'].join('\n');
  const what =
    cond.kind === 'ua'
      ? 'the phone is one of these models (its matched `<model ua>`)'
      : cond.kind === 'network'
        ? "the phone's network mode (bench `vars.network`, default LOCALLAN) is one of these"
        : cond.kind === 'blf'
          ? `the phone has key ${cond.n} and the template's <blftype> has an entry for its kind`
          : cond.values
            ? `\`%%${cond.name}%%\` is one of these values`
            : `\`%%${cond.name}%%\` is not empty`;
  lines.push('', `True when ${what}.`);
  const phone = phoneFor(ctx, d);
  if (d.tpl && phone) {
    const env = envFor(ctx, d.tpl, phone);
    const r = evaluate(cond, env);
    const detail = cond.kind === 'ua' ? ` (its ua: \`${env.ua}\`)` : cond.kind === 'network' ? ` (mode \`${env.network}\`)` : '';
    lines.push('', `For **${phone.name}**${detail}: **${r.ok ? 'true' : 'false'}**${r.why ? ` — ${r.why}` : ''}`);
  }
  return lines.join('\n');
}
