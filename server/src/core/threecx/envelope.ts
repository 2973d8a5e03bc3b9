// The envelope of a 3CX phone template (`*.ph.xml`, `*.fxs.xml`): header (models, NOTIFY events, UI
// option lists, allowed network modes), BLF type map and the device configuration bodies, each with
// its exact offsets in the file so that rendered output maps back to the .ph.xml.
import { LineIndex } from '../util/text';
import type { Range } from '../types';
import { attr, child, children, descendants, readXml, type XmlElement } from '../xml/reader';
import { translateDotnetRegex } from './dotnetRegex';

export interface ThreeCxModel {
  /** The label shown in 3CX (element text). */
  label: string;
  /** `ua` attribute: the User-Agent prefix 3CX matches, e.g. `Yealink SIP-T57W`. */
  ua?: string;
  /** v20 `regex` attribute: a .NET User-Agent regular expression with named groups `fwver` and `mac`. */
  regex?: string;
  /** The regex translated to JavaScript (dotnetRegex.ts); undefined when it has none or it does not compile. */
  compiled?: RegExp;
  start: number;
  end: number;
}

export interface ThreeCxOption {
  /** The label (`value` attribute) the admin picks in 3CX. */
  label: string;
  /** Variables the option sets (`<item name="var">value</item>`). */
  items: Record<string, string>;
  start: number;
  end: number;
}

/** A UI option list (`<languages>`, `<ringtones>`, `<timezoneParams param=…>`, …): the first option is the default. */
export interface ThreeCxOptionList {
  /** Element name: the key a bench phone selects an option by (`vars.options.<list>`). */
  list: string;
  /** `param` attribute: the global `%%param::NAME%%` the selected option's `value` fills (timezone lists). */
  param?: string;
  options: ThreeCxOption[];
  /** Index of the default option (first, or the one named by a `default` attribute). */
  defaultIndex: number;
  start: number;
  end: number;
}

/** A variable the template declares (option items, `param=`/`variableName=` fields), with its default value. */
export interface DeclaredVariable {
  name: string;
  defaultValue: string;
  /** The option list that sets it, when it comes from one. */
  list?: string;
  description: string;
  start: number;
  end: number;
}

export interface BlfField {
  text: string;
  start: number;
  end: number;
}
/**
 * One `<blftype>` entry: the fields a BLF kind fills inside `{IF blfN}` — `%%Line%%`, `%%Type%%`, `%%Value%%`,
 * `%%label%%`, and any other child element (`%%DKtype%%`, `%%PickupValue%%`, `%%value%%`, `%%type%%`, …); texts
 * may hold variables.
 */
export interface BlfType {
  kind: string;
  start: number;
  end: number;
  fields: Map<string, BlfField>;
}

export interface DeviceConfig {
  index: number;
  /** File name pattern, e.g. `%%mac_address%%.cfg`. */
  filename: string;
  /** `<filename><model name="Yealink T46S" filename="y000000000066.cfg"/>`: the file name per model label. */
  modelFilenames: Map<string, string>;
  /** Offsets of the body (the CDATA content) in the .ph.xml file. */
  bodyStart: number;
  bodyEnd: number;
  /** The `<deviceconfig …>` start tag. */
  tagStart: number;
  tagEnd: number;
}

export interface EnvelopeProblem {
  start: number;
  end: number;
  severity: 'error' | 'warning';
  code: import('../problems/registry').ProblemCode;
  message: string;
}

export interface ThreeCxTemplate {
  file: string;
  text: string;
  index: LineIndex;
  type: string;
  name: string;
  version: string;
  models: ThreeCxModel[];
  events: { reboot?: string; resync?: string; firmware?: string };
  /** `<AllowedNetworkConfig>` modes enabled (value 1); empty when the element is absent. */
  networks: string[];
  optionLists: ThreeCxOptionList[];
  declared: Map<string, DeclaredVariable>;
  blfTypes: Map<string, BlfType>;
  configs: DeviceConfig[];
  problems: EnvelopeProblem[];
}

export type LoadedThreeCx =
  | { ok: true; template: ThreeCxTemplate }
  | { ok: false; error: { range: Range; message: string; code: import('../problems/registry').ProblemCode }; text: string };

/**
 * The template's time zone list (`<timezoneParams param="time_timezone_…">`). FXS/DECT templates declare one but
 * write its selected value as `%%timezone%%` where phone templates write `%%param::time_timezone_<vendor>%%`
 * (Yealink W70B of v20, Grandstream DP75x of 2018): inferred, 3CX's variable list does not name `%%timezone%%`.
 */
export function timezoneList(tpl: Pick<ThreeCxTemplate, 'optionLists'>): (ThreeCxOptionList & { param: string }) | undefined {
  return tpl.optionLists.find((l): l is ThreeCxOptionList & { param: string } => !!l.param && /^time_timezone/i.test(l.param));
}

export const THREECX_FILE = /\.(ph|fxs)\.xml$/i;
export const isThreeCxFile = (file: string): boolean => THREECX_FILE.test(file);

const trimmed = (el: XmlElement | undefined) => (el?.text ?? '').trim();

/** Offset in a raw attribute value of the decoded character at `index` (entities count as one character). */
function rawOffset(raw: string, index: number): number {
  let r = 0;
  for (let d = 0; d < index && r < raw.length; d++) {
    if (raw[r] === '&') {
      const semi = raw.indexOf(';', r);
      r = semi > r && semi - r < 12 ? semi + 1 : r + 1;
    } else r++;
  }
  return r;
}

export function parseEnvelope(file: string, text: string): LoadedThreeCx {
  const index = new LineIndex(text);
  const xml = readXml(text, { booleanAttributes: true });
  const bad = xml.errors[0];
  if (bad) {
    const start = index.positionAt(bad.start);
    return {
      ok: false,
      text,
      error: {
        code: 'threecx-xml',
        message: `the template envelope is not well-formed XML: ${bad.message}`,
        range: { start, end: { line: start.line, character: start.character + 1 } },
      },
    };
  }
  const root = xml.root;
  const problems: EnvelopeProblem[] = [];
  if (!root || root.name !== 'doc') {
    return {
      ok: false,
      text,
      error: {
        code: 'threecx-envelope',
        message: `a 3CX template's root element is <doc>${root ? `, not <${root.name}>` : ''}`,
        range: index.range(root?.start ?? 0, root?.contentStart ?? 0),
      },
    };
  }
  const header = child(root, 'header');
  if (!header)
    problems.push({
      start: root.start,
      end: root.contentStart,
      severity: 'error',
      code: 'threecx-envelope',
      message: '<doc> has no <header>',
    });

  const modelEls = descendants(child(header, 'models'), 'model');
  const models: ThreeCxModel[] = modelEls.map((m) => ({
    label: m.text.trim(),
    ua: m.attrs.ua,
    regex: m.attrs.regex,
    start: m.start,
    end: m.end,
  }));
  models.forEach((m, i) => {
    if (!m.ua && !m.regex)
      problems.push({
        start: m.start,
        end: m.end,
        severity: 'warning',
        code: 'threecx-envelope',
        message: `model '${m.label}' has neither a ua nor a regex attribute: it matches no phone`,
      });
    if (m.regex) {
      const at = attr(modelEls[i], 'regex');
      const raw = at ? text.slice(at.valueStart, at.valueEnd) : '';
      const offset = (k: number) => (at ? at.valueStart + rawOffset(raw, k) : m.start);
      const t = translateDotnetRegex(m.regex);
      m.compiled = t.regex;
      for (const w of t.warnings)
        problems.push({
          start: offset(w.start),
          end: Math.max(offset(w.end), offset(w.start) + 1),
          severity: 'warning',
          code: 'threecx-envelope',
          message: `model regex: ${w.message}`,
        });
      if (t.error)
        problems.push({
          start: at?.valueStart ?? m.start,
          end: at?.valueEnd ?? m.end,
          severity: 'warning',
          code: 'threecx-envelope',
          message: `model regex could not be translated from .NET to JavaScript (${t.error}): the model matches no User-Agent here`,
        });
    }
  });
  if (header && !models.length)
    problems.push({
      start: header.start,
      end: header.contentStart,
      severity: 'warning',
      code: 'threecx-envelope',
      message: 'the header lists no <models>: the template serves no phone',
    });

  const event = (name: string) => trimmed(child(child(header, name), 'event-name')) || undefined;
  const events = { reboot: event('rebootParams'), resync: event('resyncParams'), firmware: event('firmwareParams') };

  const networks = children(child(header, 'AllowedNetworkConfig'), 'option')
    .filter((o) => o.text.trim() !== '0')
    .map((o) => o.attrs.value)
    .filter(Boolean);

  // Option lists and declared variables: anywhere outside <data> and <blftype>.
  const optionLists: ThreeCxOptionList[] = [];
  const declared = new Map<string, DeclaredVariable>();
  const declare = (v: DeclaredVariable) => {
    if (!declared.has(v.name)) declared.set(v.name, v);
  };
  const walk = (el: XmlElement) => {
    if (el.name === 'data' || el.name === 'blftype' || el.name === 'models') return;
    const opts = children(el, 'option');
    const withItems = opts.filter((o) => children(o, 'item').some((i) => i.attrs.name));
    // A `param=` list is a list even when its options carry no <item>s: Grandstream's
    // <timezoneParams param="time_timezone_grandstreamexec"><option value="EST5EDT" …>GMT-5:00 …</option>
    const listed = withItems.length ? withItems : el.attrs.param ? opts.filter((o) => o.attrs.value !== undefined) : [];
    if (listed.length) {
      const options: ThreeCxOption[] = listed.map((o) => {
        const items: Record<string, string> = {};
        for (const it of children(o, 'item')) if (it.attrs.name) items[it.attrs.name] = it.text.trim();
        return { label: o.attrs.value ?? '', items, start: o.start, end: o.end };
      });
      const named = el.attrs.default !== undefined ? options.findIndex((o) => o.label === el.attrs.default) : -1;
      const list: ThreeCxOptionList = {
        list: el.name,
        param: el.attrs.param,
        options,
        defaultIndex: named >= 0 ? named : 0,
        start: el.start,
        end: el.end,
      };
      optionLists.push(list);
      const def = options[list.defaultIndex];
      for (const o of options)
        for (const name of Object.keys(o.items)) {
          declare({
            name,
            defaultValue: def.items[name] ?? '',
            list: el.name,
            start: o.start,
            end: o.end,
            description: `Set by the <${el.name}> option the phone selects (default '${def.label}'): bench \`vars.options.${el.name}\`.`,
          });
        }
    } else if (el.attrs.variableName && opts.length) {
      // <Codecspriority variableName="codec1" PayloadTypeName="payload1"><option value="0" payload="PCMU">PCMU</option>:
      // "codec1 will be replaced by value, payload1 will be replaced by payload" (the templates' own comment); the
      // element text is the label shown in 3CX (Grandstream <P57>%%codec1%%</P57> wants 0, not PCMU)
      const first = opts[0];
      declare({
        name: el.attrs.variableName,
        defaultValue: first.attrs.value ?? first.text.trim(),
        start: el.start,
        end: el.end,
        description: `The value of the first <option> of <${el.name}> ('${first.attrs.value ?? first.text.trim()}', shown as '${first.text.trim()}').`,
      });
      if (el.attrs.PayloadTypeName)
        declare({
          name: el.attrs.PayloadTypeName,
          defaultValue: first.attrs.payload ?? '',
          start: el.start,
          end: el.end,
          description: `The payload of the first <option> of <${el.name}>.`,
        });
    } else if (el.attrs.param && el.attrs.default !== undefined) {
      // <vlanwanid type="int" default="256" param="vlanwanportid"/>, bools map default → item text
      const items = children(el, 'item');
      const hit = items.find((i) => i.attrs.value === el.attrs.default);
      declare({
        name: el.attrs.param,
        defaultValue: hit ? hit.text.trim() : el.attrs.default,
        start: el.start,
        end: el.end,
        description: `<${el.name}> field (default '${el.attrs.default}').`,
      });
    } else if (el.attrs.variableName) {
      declare({
        name: el.attrs.variableName,
        defaultValue: el.attrs.disable ?? '',
        start: el.start,
        end: el.end,
        description: `<${el.name}> setting.`,
      });
    }
    for (const c of el.children) if (c.name !== 'option') walk(c);
  };
  walk(root);

  const blfTypes = new Map<string, BlfType>();
  for (const bt of descendants(root, 'blftype')) {
    for (const k of bt.children) {
      // <linekey enabled="false">: the kind is switched off in this template
      if (/^(?:false|0)$/i.test(k.attrs.enabled ?? '')) continue;
      const entry: BlfType = { kind: k.name, start: k.start, end: k.end, fields: new Map() };
      for (const f of k.children) entry.fields.set(f.name, { text: f.text, start: f.contentStart, end: f.contentEnd });
      blfTypes.set(k.name, entry);
    }
  }

  const configs: DeviceConfig[] = [];
  for (const dc of children(root, 'data').flatMap((d) => descendants(d, 'deviceconfig'))) {
    const cd = dc.cdata[0];
    const filename = dc.attrs.filename ?? '';
    if (!filename)
      problems.push({
        start: dc.start,
        end: dc.contentStart,
        severity: 'error',
        code: 'threecx-envelope',
        message: '<deviceconfig> has no filename attribute',
      });
    let bodyStart = dc.contentStart,
      bodyEnd = dc.contentEnd;
    if (cd) {
      bodyStart = cd.start;
      bodyEnd = cd.end;
    } else if (/[&<]/.test(text.slice(dc.contentStart, dc.contentEnd))) {
      problems.push({
        start: dc.start,
        end: dc.contentStart,
        severity: 'warning',
        code: 'threecx-envelope',
        message: 'wrap the <deviceconfig> body in <![CDATA[ … ]]>: it is served as written, entities included',
      });
    }
    const modelFilenames = new Map<string, string>();
    for (const m of descendants(child(dc, 'filename'), 'model'))
      if (m.attrs.name && m.attrs.filename) modelFilenames.set(m.attrs.name.trim().toLowerCase(), m.attrs.filename.trim());
    configs.push({ index: configs.length, filename, modelFilenames, bodyStart, bodyEnd, tagStart: dc.start, tagEnd: dc.contentStart });
  }
  if (!configs.length)
    problems.push({
      start: root.start,
      end: root.contentStart,
      severity: 'error',
      code: 'threecx-envelope',
      message: 'no <deviceconfig filename="…"> in <data>: the template produces no file',
    });

  return {
    ok: true,
    template: {
      file,
      text,
      index,
      type: trimmed(child(header, 'type')),
      name: trimmed(child(header, 'name')),
      version: trimmed(child(header, 'version')),
      models,
      events,
      networks,
      optionLists,
      declared,
      blfTypes,
      configs,
      problems,
    },
  };
}
