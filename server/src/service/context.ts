// The state the language service features share: the workspace over unsaved buffers, URI ↔ path
// mapping, document kinds, last good ASTs, the context schema and the base scope of partials.
import { URI, Utils } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { contextSchema } from '../core/analysis/contextSchema';
import { templateTargets } from '../core/check';
import { getProfile } from '../core/vendors';
import { partialCallScope, rootScope, type StaticScope } from '../core/analysis/scope';
import type { ParsedBench } from '../core/bench/parse';
import { isThreeCxFile } from '../core/threecx/envelope';
import type { SchemaNode } from '../core/bench/schema';
import { getCatalog } from '../core/catalog/catalogs';
import type { KeyCatalog } from '../core/catalog/types';
import type { OverlayFiles } from '../core/files';
import { parseTemplate } from '../core/render/parse';
import type { Phone } from '../core/types';
import type { OutputFormatId } from '../core/catalog/output';
import { Workspace, type RouteResolution } from '../core/workspace';
import { enclosingAt, partialCallFrame, partialName, walkAst, type ConcreteFrame, type Enclosing, type Program } from './ast';

export type DocKind = 'template' | 'partial' | 'bench' | 'threecx' | 'other';

/** Language id of 3CX phone templates (`*.ph.xml`, `*.fxs.xml`); a document opened with it is one whatever its name. */
export const THREECX_LANGUAGE_ID = 'provisioning-3cx';

export interface DocInfo {
  uri: string;
  /** Workspace-relative path (a synthetic one for documents outside the workspace). */
  path: string;
  kind: DocKind;
  vendor?: string;
  xml: boolean;
}

export interface ServiceSettings {
  /** Phone (name or MAC) whose data hover and navigation show; default: the first phone a template serves. */
  phone?: string;
  /** Severity per problem code (the provisioningStudio.problems setting), applied over the bench file's `problems:` section. */
  problems?: import('../core/problems/policy').ProblemOverrides;
}

interface PartialBase {
  scope: StaticScope;
  frame: ConcreteFrame;
  caller?: string;
}

export class ServiceContext {
  /** The workspace model; replaced by setBenchFile(). */
  ws: Workspace;
  settings: ServiceSettings = {};
  private lastGood = new Map<string, Program>();
  /** Per template: the text astAt last answered for and its AST (blocks and locations right for that text; see sameStructure). */
  private structures = new Map<string, { text: string; ast: Program }>();
  private schemaCache = new WeakMap<ParsedBench, SchemaNode>();
  private partialBases = new Map<string, PartialBase>();
  /** Bumped whenever a buffer's text changes; caches keyed on the whole workspace check it. */
  generation = 0;
  private baseGeneration = -1;
  private filesEpoch = 0;
  private servedCache?: { bench: ParsedBench; epoch: number; all: Map<string, RouteResolution[]> };
  /** Documents opened with the 3CX language id (whatever their file name). */
  private threeCxUris = new Set<string>();
  /** Per template whose dialect has a routing key: what its routes depend on in its text (TemplateDialect.routingKey). */
  private routingKeys = new Map<string, string>();

  private rootParsed?: URI;
  /** Whether git tracks a workspace file (bench-literal-secret); given by the node layer, absent elsewhere. */
  benchTracked?: (file: string) => boolean;

  constructor(
    readonly rootUri: string,
    readonly files: OverlayFiles,
    benchFile?: string,
  ) {
    this.ws = new Workspace(files, { benchFile });
  }

  /** The workspace-relative bench file (`bench.yaml` unless the provisioningStudio.benchFile setting says otherwise). */
  get benchFile(): string {
    return this.ws.benchFile;
  }

  /**
   * Uses another bench file: a new workspace model over the same files (open buffers stay in the overlay),
   * every cache derived from the bench dropped. Returns false when it is the file already in use.
   */
  setBenchFile(file: string | undefined): boolean {
    const next = new Workspace(this.files, { benchFile: file });
    if (next.benchFile === this.ws.benchFile) return false;
    this.ws = next;
    this.generation++;
    this.filesEpoch++;
    this.servedCache = undefined;
    this.partialBases.clear();
    return true;
  }

  // ---- documents ----
  /**
   * Workspace-relative path of a document URI (vscode-uri: encodings such as `c%3A` or `%20` compare by what
   * they mean), or a synthetic `.external/…` path for a document outside the folder.
   */
  pathOf(uri: string): string {
    let doc: URI, root: URI;
    try {
      doc = URI.parse(uri);
      root = this.root;
    } catch {
      return `.external/${uri.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
    }
    const base = root.path.replace(/\/+$/, '');
    if (doc.scheme === root.scheme && doc.authority === root.authority && doc.path.startsWith(`${base}/`))
      return doc.path.slice(base.length + 1);
    return `.external/${uri.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
  }

  uriOf(path: string): string {
    return Utils.joinPath(this.root, ...path.split('/')).toString();
  }

  private get root(): URI {
    return (this.rootParsed ??= URI.parse(this.rootUri));
  }

  info(doc: TextDocument | string): DocInfo {
    const uri = typeof doc === 'string' ? doc : doc.uri;
    if (typeof doc !== 'string' && doc.languageId === THREECX_LANGUAGE_ID) this.threeCxUris.add(uri);
    const path = this.pathOf(uri);
    const bench = this.ws.benchFile;
    const isBench = path === bench || uri.endsWith(`/${bench.split('/').map(encodeURIComponent).join('/')}`);
    const isHbs = path.endsWith('.hbs');
    if (!isBench && !isHbs && (isThreeCxFile(path) || this.threeCxUris.has(uri))) return { uri, path, kind: 'threecx', xml: true };
    const kind: DocKind = isBench ? 'bench' : !isHbs ? 'other' : this.ws.isPartial(path) ? 'partial' : 'template';
    return { uri, path, kind, vendor: isHbs ? this.ws.vendorOf(path) : undefined, xml: /\.xml\.hbs$/.test(path) };
  }

  /** Puts the document's text in the overlay (every feature calls it: the buffer, not the disk, is the truth). */
  sync(doc: TextDocument): DocInfo {
    const info = this.info(doc);
    const text = doc.getText();
    const prev = this.files.overlay.get(info.path);
    if (prev !== text) {
      if (prev === undefined) this.filesEpoch++;
      this.files.overlay.set(info.path, text);
      this.generation++;
      // Follow the edit with the AST astAt hands out, while it keeps its structure (edits between two completions).
      const known = this.structures.get(info.path);
      if (known && known.text !== text) {
        if (sameStructure(known.text, known.ast, text, doc)) known.text = text;
        else this.structures.delete(info.path);
      }
      // Which phones a template serves, and the paths it answers, may depend on its text (3CX): on a change there, routes are recomputed.
      const key = this.ws.dialectOf(info.path)?.routingKey?.(text);
      if (key !== undefined && this.routingKeys.get(info.path) !== key) {
        this.routingKeys.set(info.path, key);
        this.filesEpoch++;
      }
    }
    return info;
  }

  close(uri: string): void {
    const path = this.pathOf(uri);
    if (this.files.overlay.delete(path)) {
      this.generation++;
      this.filesEpoch++;
    }
    this.lastGood.delete(path);
    this.structures.delete(path);
    this.threeCxUris.delete(uri);
    this.routingKeys.delete(path);
  }

  /** The document's AST: the current one when it parses, else the last good one. */
  ast(doc: TextDocument): Program | undefined {
    const info = this.sync(doc);
    const loaded = this.ws.loadTemplate(info.path);
    if (loaded?.ok) {
      this.lastGood.set(info.path, loaded.source.ast);
      return loaded.source.ast;
    }
    return this.lastGood.get(info.path);
  }

  /**
   * An AST for a position in a document being edited, for its scopes (completion, hover, definition): the
   * current one; else the text with the mustache at the cursor blanked out (positions kept); else that plus
   * closing tags for open blocks; else the last good AST. After an edit of host text only (sameStructure),
   * the AST of the previous text, not parsed again: its blocks, mustaches and locations are the current
   * text's, only content statements may hold the text before the edit.
   */
  astAt(doc: TextDocument, offset: number, mustacheStart?: number): Program | undefined {
    const info = this.sync(doc);
    const text = doc.getText();
    const known = this.structures.get(info.path);
    if (known && (known.text === text || sameStructure(known.text, known.ast, text, doc))) {
      known.text = text;
      return known.ast;
    }
    const loaded = this.ws.loadTemplate(info.path);
    if (loaded?.ok) {
      this.lastGood.set(info.path, loaded.source.ast);
      this.structures.set(info.path, { text: loaded.source.text, ast: loaded.source.ast });
      return loaded.source.ast;
    }
    let repaired = text;
    if (mustacheStart !== undefined) {
      let end = text.indexOf('\n', offset);
      if (end < 0) end = text.length;
      const close = text.indexOf('}}', offset);
      if (close >= 0 && close < end) end = close + 2;
      repaired = text.slice(0, mustacheStart) + text.slice(mustacheStart, end).replace(/[^\n]/g, ' ') + text.slice(end);
      const r = parseTemplate(repaired);
      if (r.ast) return r.ast;
    }
    const closes = openBlocks(repaired)
      .reverse()
      .map((n) => `{{/${n}}}`)
      .join('');
    if (closes) {
      const r = parseTemplate(repaired + closes);
      if (r.ast) return r.ast;
    }
    return this.lastGood.get(info.path);
  }

  // ---- bench and schema ----
  bench(): ParsedBench {
    return this.ws.servingBench().parsed;
  }

  schema(): SchemaNode {
    const b = this.bench();
    let s = this.schemaCache.get(b);
    if (!s) {
      s = contextSchema(b.bench);
      this.schemaCache.set(b, s);
    }
    return s;
  }

  /** Phones and routes a template serves, from the serving (last good) bench. */
  served(path: string): RouteResolution[] {
    const bench = this.bench();
    if (this.servedCache?.bench !== bench || this.servedCache.epoch !== this.filesEpoch) {
      // Which template answers each route depends on the bench and on which files exist, not on their text.
      const all = new Map<string, RouteResolution[]>();
      for (const p of bench.bench.phones)
        for (const r of this.ws.routesFor(p)) if (r.template) all.set(r.template, [...(all.get(r.template) ?? []), r]);
      this.servedCache = { bench, epoch: this.filesEpoch, all };
    }
    return this.servedCache.all.get(path) ?? [];
  }

  /** Call when files may have been created or deleted (watched-file events). */
  filesChanged(): void {
    this.filesEpoch++;
  }

  /** The phone whose data hover/definition show for a template: the selected one if it serves it, else the first served. */
  phoneFor(path: string): Phone | undefined {
    const phones = this.bench().bench.phones;
    const selected = this.settings.phone ? this.ws.findPhone(this.settings.phone, phones) : undefined;
    const root = this.ws.isPartial(path) ? (this.partialBase(path).caller ?? path) : path;
    const served = this.served(root).map((r) => r.phone);
    if (selected && (served.includes(selected) || !served.length)) return selected;
    return served[0] ?? templateTargets(this.ws, root, { bench: this.bench(), served: [] })[0]?.phone ?? phones[0];
  }

  catalogFor(path: string): { catalog: KeyCatalog; format: OutputFormatId } | undefined {
    const vendor = this.ws.vendorOf(path);
    const profile = vendor ? getProfile(vendor) : undefined;
    if (!profile) return undefined;
    const base = path.split('/').pop()!;
    const route =
      profile.routes.find((r) => r.template === base) ??
      profile.routes.find((r) => r.template.split('.').slice(1).join('.') === base.split('.').slice(1).join('.'));
    const format =
      route?.format ??
      (/\.xml\.hbs$/.test(path)
        ? Object.keys(profile.formats).find((f) => f !== 'xml' && f.endsWith('xml'))
        : Object.keys(profile.formats).find((f) => !f.endsWith('xml')));
    const catalog = getCatalog(vendor!);
    if (!catalog || !format || format === 'xml' || format === 'text') return undefined;
    return { catalog, format: format as OutputFormatId };
  }

  // ---- scopes ----
  /** Base scope and frame of a document: the root context, or for a partial the scope of its first call. */
  partialBase(path: string, depth = 0): PartialBase {
    const root: PartialBase = { scope: rootScope(this.schema()), frame: { ctx: [], params: new Map() } };
    if (!this.ws.isPartial(path) || depth > 4) return root;
    if (this.baseGeneration !== this.generation) {
      this.partialBases.clear();
      this.baseGeneration = this.generation;
    }
    const hit = this.partialBases.get(path);
    if (hit) return hit;
    let found: PartialBase = { scope: { ...root.scope, ctx: undefined }, frame: { ctx: undefined, params: new Map() } };
    const files = this.ws.templateFiles().sort((a, b) => Number(this.ws.isPartial(a)) - Number(this.ws.isPartial(b)));
    outer: for (const f of files) {
      if (f === path) continue;
      const lt = this.ws.loadTemplate(f);
      if (!lt?.ok) continue;
      let call: hbs.AST.PartialStatement | undefined;
      walkAst(lt.source.ast, (n) => {
        if (!call && (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement')) {
          const name = partialName(n as hbs.AST.PartialStatement);
          if (name && this.ws.resolvePartialFile(name, f) === path) call = n as hbs.AST.PartialStatement;
        }
      });
      if (!call) continue;
      const base = this.partialBase(f, depth + 1);
      const pos = { line: call.loc.start.line - 1, character: call.loc.start.column };
      const enc = enclosingAt(lt.source.ast, pos, base.scope, base.frame);
      found = {
        scope: partialCallScope(call, enc.scope),
        frame: partialCallFrame(call, enc.frame, base.frame),
        caller: base.caller ?? f,
      };
      break outer;
    }
    this.partialBases.set(path, found);
    return found;
  }

  /** Scope and concrete frame at a position. */
  enclosing(doc: TextDocument, ast: Program, pos: Position): Enclosing {
    const base = this.partialBase(this.info(doc).path);
    return enclosingAt(ast, pos, base.scope, base.frame);
  }
}

/** Names of blocks opened and not closed, outermost first (a cheap scan for repairs and `{{/` completion). */
export function openBlocks(text: string): string[] {
  const stack: string[] = [];
  const re = /\{\{~?\s*([#^/])\s*(?:\*|>)?\s*([^\s}~]+)[^}]*\}\}|\{\{~?\s*else\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[1]) continue;
    if (m[1] === '/') {
      const i = stack.lastIndexOf(m[2]);
      if (i >= 0) stack.length = i;
    } else if (!(m[1] === '^' && !m[2])) stack.push(m[2]);
  }
  return stack;
}

/** What host text may not hold in a line edited without parsing again: braces (mustaches), backslashes (`\\{{` escapes), line breaks. */
const STRUCTURAL = /[{}\\\r\n]/;

/**
 * Whether `ast`, the AST of `old`, has the blocks, mustaches and locations of `text` too: the texts differ
 * within one line (what was removed and the whole new line hold no brace, backslash or line break) and
 * that line lies inside one content statement of the AST, which starts on a line before it and ends on a
 * line after it. Then the edit changes that statement's text only (whitespace control reads no further
 * than the line next to a mustache), and no location moves.
 */
export function sameStructure(old: string, ast: Program, text: string, doc: TextDocument): boolean {
  const max = Math.min(old.length, text.length);
  // the common prefix and suffix, by chunks first (an edit is typically one keystroke in a long text)
  const CHUNK = 1024;
  let p = 0;
  while (p + CHUNK <= max && old.slice(p, p + CHUNK) === text.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  const tail = (str: string, from: number) => str.slice(str.length - from - CHUNK, str.length - from);
  while (s + CHUNK <= max - p && tail(old, s) === tail(text, s)) s += CHUNK;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  if (STRUCTURAL.test(old.slice(p, old.length - s))) return false;
  const lineStart = text.lastIndexOf('\n', p - 1) + 1;
  let lineEnd = text.indexOf('\n', text.length - s);
  if (lineEnd < 0) lineEnd = text.length;
  if (STRUCTURAL.test(text.slice(lineStart, lineEnd))) return false;
  return insideContent(ast, doc.positionAt(p).line + 1);
}

/** Whether a (1-based) line lies inside one content statement starting on an earlier line and ending on a later one. */
function insideContent(program: Program | undefined, line: number): boolean {
  for (const st of program?.body ?? []) {
    const loc = st.loc;
    if (!loc || loc.end.line < line) continue;
    if (loc.start.line > line) return false;
    if (st.type === 'ContentStatement') return loc.start.line < line && loc.end.line > line;
    if (st.type !== 'BlockStatement') return false;
    const b = st as hbs.AST.BlockStatement;
    return insideContent(b.program, line) || insideContent(b.inverse, line);
  }
  return false;
}
