// Which bench phones a 3CX template serves, and which of its models a real User-Agent is.
//
// Rule (documented in docs/3cx.md):
// - a model with `ua="Yealink SIP-T57W"` serves a bench phone when, with case, spaces, '-' and '_'
//   ignored, the ua is the phone's vendor label followed by its model id or alias, optionally with
//   'SIP' between them (`Yealink T57W`, `Yealink SIP-T57W`, `YealinkSIPT57W`);
// - a model with `regex=…` serves a bench phone when the regex matches `<Label> <model>` or
//   `<Label> SIP-<model>` (the User-Agent without firmware and MAC);
// - a real request's User-Agent matches a model when it starts with the model's ua (case-insensitive,
//   followed by a space or the end) or when the model's regex matches it.
import type { Phone } from '../types';
import { getProfile, PROFILES, type ModelDef, type VendorProfile } from '../vendors';
import type { ThreeCxModel, ThreeCxTemplate } from './envelope';

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** The vendor profile and model a `ua` attribute names, by the rule above. */
export function modelOfUa(ua: string): { profile: VendorProfile; model: ModelDef } | undefined {
  const s = squash(ua);
  for (const profile of Object.values(PROFILES)) {
    const label = squash(profile.label);
    if (!s.startsWith(label)) continue;
    for (const rest of [s.slice(label.length), s.slice(label.length).replace(/^sip/, '')]) {
      const model = profile.models.find((m) => squash(m.id) === rest || (m.aliases ?? []).some((a) => squash(a) === rest));
      if (model) return { profile, model };
    }
  }
  return undefined;
}

const regexCache = new Map<string, RegExp | null>();
function compiled(src: string): RegExp | undefined {
  if (!regexCache.has(src)) {
    try {
      regexCache.set(src, new RegExp(src, 'i'));
    } catch {
      regexCache.set(src, null);
    }
  }
  return regexCache.get(src) ?? undefined;
}

/** The first model of the template that serves the bench phone. */
export function modelForPhone(tpl: ThreeCxTemplate, phone: Phone): ThreeCxModel | undefined {
  const profile = getProfile(phone.vendor);
  if (!profile) return undefined;
  const phoneModel = squash(phone.model);
  for (const m of tpl.models) {
    if (m.ua) {
      const hit = modelOfUa(m.ua);
      if (
        hit &&
        hit.profile.id === profile.id &&
        (squash(hit.model.id) === phoneModel || (hit.model.aliases ?? []).some((a) => squash(a) === phoneModel))
      )
        return m;
    }
    if (m.regex) {
      const re = compiled(m.regex);
      if (re && [`${profile.label} ${phone.model}`, `${profile.label} SIP-${phone.model}`].some((u) => re.test(u))) return m;
    }
  }
  return undefined;
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
    if (m.regex) {
      const hit = compiled(m.regex)?.exec(userAgent);
      if (hit) return { model: m, mac: hit.groups?.mac?.replace(/[^0-9a-f]/gi, '').toLowerCase(), firmware: hit.groups?.fwver };
    }
  }
  return undefined;
}

/** The vendor profile a template is for: the vendor of its first resolvable model. */
export function templateVendor(tpl: ThreeCxTemplate): VendorProfile | undefined {
  for (const m of tpl.models) {
    if (m.ua) {
      const hit = modelOfUa(m.ua);
      if (hit) return hit.profile;
    }
    const label = squash(m.ua ?? m.label);
    const p = Object.values(PROFILES).find((pr) => label.startsWith(squash(pr.label)));
    if (p) return p;
  }
  return undefined;
}

/** The string `{IF ua=…}` compares with: the matched model's ua (its label when it has only a regex). */
export const uaOf = (m: ThreeCxModel): string => m.ua ?? m.label;
