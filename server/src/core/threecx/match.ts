// Which bench phones a 3CX template serves, and which of its models a real User-Agent is.
//
// Rule (documented in docs/3cx.md):
// - a model's vendor is the one its `ua`, label or regex names (`Yealink …`, `SIP-T46S`, `Polycom…`,
//   `SPA504G`, `Fanvil …`), else the template's vendor (the first model's), else `generic`;
// - a model with a `ua` (or, without ua and regex, a label) serves a bench phone of that vendor when the ua,
//   without the vendor name and a `SIP` prefix, ends with the phone's model id or an alias, whole words,
//   ignoring case, spaces, '-' and '_' (`Yealink SIP-T57W`, `SIP-T46S`, `PolycomSoundPointIP-SPIP_321` for
//   a phone whose model is `SPIP321`, known to the vendor profile or not);
// - a model with `regex=…` (translated from .NET, dotnetRegex.ts) serves a bench phone when it matches a
//   User-Agent of that phone: `<Vendor> <model>` or `<Vendor> SIP-<model>`, alone or followed by a
//   firmware version and the phone's MAC;
// - a real request's User-Agent matches a model when it starts with the model's ua (case-insensitive,
//   followed by a space or the end) or when the model's regex matches it.
import type { Phone, VendorId } from '../types';
import { findModel, getProfile, PROFILES, type VendorProfile } from '../vendors';
import { formatMac } from '../bench/mac';
import type { ThreeCxModel, ThreeCxTemplate } from './envelope';

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** How 3CX templates name each vendor (in ua attributes, labels and regexes). */
const VENDOR_NAMES: { id: VendorId; word: string; names: RegExp; strip: RegExp }[] = [
  { id: 'yealink', word: 'Yealink', names: /yealink|^sip-?(?:t|cp|vp|w)\d/i, strip: /^yealink/i },
  {
    id: 'poly',
    word: 'Polycom',
    names: /polycom|\bpoly\b|soundpoint|soundstation|^vvx|\btrio\b/i,
    strip: /^(?:polycom|poly)(?:\s*(?:soundpoint\s*ip|soundstation\s*ip|vvx|realpresencetrio))?/i,
  },
  { id: 'cisco', word: 'Cisco', names: /cisco|linksys|^spa-?\d|\bspa-?\d{3}|^cp-?\d{4}/i, strip: /^(?:cisco|linksys)/i },
  { id: 'grandstream', word: 'Grandstream', names: /grandstream|^(?:gxp|grp|gxv|gac|dp|wp|ht)\d/i, strip: /^grandstream/i },
  { id: 'snom', word: 'snom', names: /snom/i, strip: /^snom/i },
  { id: 'fanvil', word: 'Fanvil', names: /fanvil/i, strip: /^fanvil/i },
];

/** The vendor a text (ua, label, regex source, template name) names. */
export function vendorNamed(text: string | undefined): VendorId | undefined {
  if (!text) return undefined;
  return VENDOR_NAMES.find((v) => v.names.test(text.trim()))?.id;
}

/** The vendor a model names itself (undefined when it names none). */
export function modelVendor(m: ThreeCxModel): VendorId | undefined {
  return vendorNamed(m.ua) ?? vendorNamed(m.label) ?? vendorNamed(m.regex?.replace(/\\s[+*]?|\^/g, ' '));
}

/** The template's vendor: the one its first vendor-naming model (or its <name>) names; `generic` when none does. */
export function templateVendorId(tpl: ThreeCxTemplate): VendorId {
  for (const m of tpl.models) {
    const v = modelVendor(m);
    if (v) return v;
  }
  return vendorNamed(tpl.name) ?? 'generic';
}

/** The vendor profile a template is for (the `generic` profile when its models name no vendor). */
export function templateVendor(tpl: ThreeCxTemplate): VendorProfile {
  return getProfile(templateVendorId(tpl)) ?? PROFILES.generic;
}

/** The model names a ua (or label) can be: its trailing words, joined, without the vendor name and `SIP`. */
function uaNames(ua: string, vendor: VendorId | undefined): Set<string> {
  let s = ua.trim();
  const v = VENDOR_NAMES.find((x) => x.id === vendor);
  if (v) s = s.replace(v.strip, '');
  const words = s.split(/[\s_-]+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'sip') words.shift();
  else if (/^sip(?=[a-z]*\d)/i.test(words[0] ?? '')) words[0] = words[0].slice(3);
  const out = new Set<string>();
  for (let i = words.length - 1; i >= 0; i--) out.add(words.slice(i).join('').toLowerCase());
  return out;
}

/** The squashed names a bench phone's model goes by (its id, the profile model's id and aliases). */
function phoneModelNames(phone: Phone): string[] {
  const profile = getProfile(phone.vendor);
  const model = profile ? findModel(profile, phone.model) : undefined;
  return [phone.model, model?.id, ...(model?.aliases ?? [])].filter((x): x is string => !!x).map(squash);
}

/** User-Agents a bench phone could send, for regex models. */
function sampleUserAgents(phone: Phone): string[] {
  const word = VENDOR_NAMES.find((v) => v.id === phone.vendor)?.word ?? getProfile(phone.vendor)?.label ?? phone.vendor;
  const fw = '1.0.0.0';
  const mac = formatMac(phone.mac, 'colon');
  const out: string[] = [];
  for (const m of new Set([phone.model, ...(findModel(getProfile(phone.vendor)!, phone.model)?.aliases ?? [])]))
    for (const head of [`${word} ${m}`, `${word} SIP-${m}`]) out.push(head, `${head} ${fw} ${mac}`, `${head} ${fw}`);
  return out;
}

/** Whether a template model serves a bench phone (the rule above). */
export function modelServesPhone(tpl: ThreeCxTemplate, m: ThreeCxModel, phone: Phone): boolean {
  const vendor = modelVendor(m) ?? templateVendorId(tpl);
  if (vendor !== phone.vendor) return false;
  const named = m.ua ?? (m.regex ? undefined : m.label);
  if (named) {
    const names = uaNames(named, vendor);
    if (phoneModelNames(phone).some((n) => names.has(n))) return true;
  }
  if (m.compiled) {
    const re = m.compiled;
    return sampleUserAgents(phone).some((u) => re.test(u));
  }
  return false;
}

/** The first model of the template that serves the bench phone. */
export function modelForPhone(tpl: ThreeCxTemplate, phone: Phone): ThreeCxModel | undefined {
  if (!getProfile(phone.vendor)) return undefined;
  return tpl.models.find((m) => modelServesPhone(tpl, m, phone));
}

/** The template model a real User-Agent is, with the MAC and firmware a regex model extracts. */
export function modelForUserAgent(
  tpl: ThreeCxTemplate,
  userAgent: string,
): { model: ThreeCxModel; mac?: string; firmware?: string } | undefined {
  if (!userAgent || userAgent.length > 512) return undefined;
  const ua = userAgent.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const m of tpl.models) {
    if (m.ua) {
      const p = m.ua.trim().replace(/\s+/g, ' ').toLowerCase();
      if (ua === p || ua.startsWith(`${p} `)) return { model: m };
    }
    if (m.compiled) {
      const hit = m.compiled.exec(userAgent);
      if (hit) {
        const mac = hit.groups?.mac?.replace(/[^0-9a-f]/gi, '').toLowerCase();
        return { model: m, mac: mac && mac.length === 12 ? mac : undefined, firmware: hit.groups?.fwver };
      }
    }
  }
  return undefined;
}

/** The string `{IF ua=…}` compares with: the matched model's ua (its label when it has only a regex). */
export const uaOf = (m: ThreeCxModel): string => m.ua ?? m.label;
