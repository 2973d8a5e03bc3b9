// Legacy vendor file formats, recognised once per file (before reading keys) so that a file written
// for old firmware gets one located information naming its format instead of one problem per key.
//
//   Yealink v6x INI      `[ account ]` (or `[ cfg:/phone/config/…,reboot=0 ]`) sections with CamelCase keys (firmware ≤ 6x)
//   Fanvil text          `<<VOIP CONFIG FILE>>Version:2.0000` then `<GLOBAL CONFIG MODULE>` sections
//   Fanvil legacy XML    `<VOIP_CONFIG_FILE>` root with `*_CONFIG_MODULE` elements (before `<sysConf>`)
//   Snom plain text      `name: value` / `name!: value` / `name$: value` lines (no `<settings>` XML)
//   Poly UC Software 3.x `<config>`, `<sip>`, `<phone1>` or `<localcfg>` root (UC Software 4+ uses `<polycomConfig>`)
//
// `checked`: whether the file's keys are still read and checked against the catalog (it holds the legacy
// keys: Fanvil's `*_CONFIG_MODULE` paths). Then only keys near a known key are reported (did you mean);
// the rest are counted into the one information.
import type { OutputFormatId } from './output';

export interface LegacyFormat {
  /** Stable id: yealink-ini, fanvil-text, fanvil-xml, snom-text, poly-config. */
  id: string;
  /** What the file is, in a sentence fragment ("a Yealink v6x INI file"). */
  name: string;
  /** Where the format shows: the range the information is located at. */
  start: number;
  end: number;
  checked: boolean;
  /** What the current format is, for the message. */
  current: string;
}

const firstContent = (text: string): number => {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
};

/** The root element's name and range (skipping the XML declaration, comments, doctype), or undefined. */
function rootElement(text: string): { name: string; start: number; end: number } | undefined {
  const re = /<(\?[^]*?\?>|!--[^]*?-->|![^>]*>)|<([A-Za-z_][\w.:-]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) return { name: m[2], start: m.index + 1, end: m.index + 1 + m[2].length };
    if (m.index > 4096) return undefined;
  }
  return undefined;
}

const YEALINK_SECTION = /^[ \t]*\[[ \t]*[A-Za-z][^\]\n]*\][ \t]*\r?$/m;
const SNOM_LINE = /^[ \t]*[A-Za-z_][\w]*(\[\d+\])?[!$&]?[ \t]*:/m;

/** The legacy format of a rendered file, or undefined for the current format. */
export function detectLegacy(format: OutputFormatId, text: string): LegacyFormat | undefined {
  switch (format) {
    case 'yealink-cfg': {
      const m = YEALINK_SECTION.exec(text);
      if (!m) return undefined;
      const s = m.index + m[0].indexOf('[');
      return {
        id: 'yealink-ini',
        name: 'a Yealink v6x INI file ([section] headers with CamelCase keys)',
        start: s,
        end: m.index + m[0].replace(/\s+$/, '').length,
        checked: false,
        current: "'key = value' lines with dotted keys (firmware 7x and later)",
      };
    }
    case 'fanvil-xml': {
      const i = firstContent(text);
      if (text.startsWith('<<VOIP CONFIG FILE>>', i))
        return {
          id: 'fanvil-text',
          name: "a Fanvil legacy text file ('<<VOIP CONFIG FILE>>' with '<… CONFIG MODULE>' sections)",
          start: i,
          end: i + 20,
          checked: false,
          current: 'the <sysConf> XML format',
        };
      const root = rootElement(text);
      if (root?.name === 'VOIP_CONFIG_FILE')
        return {
          id: 'fanvil-xml',
          name: 'a Fanvil legacy XML file (<VOIP_CONFIG_FILE> with *_CONFIG_MODULE sections)',
          start: root.start,
          end: root.end,
          checked: true,
          current: 'the <sysConf> XML format',
        };
      return undefined;
    }
    case 'snom-xml': {
      const root = rootElement(text);
      if (root && root.name !== 'html' && root.name !== 'pre') return undefined;
      const m = SNOM_LINE.exec(text);
      if (!m) return undefined;
      const s = m.index + (m[0].length - m[0].trimStart().length);
      return {
        id: 'snom-text',
        name: "a snom plain-text settings file ('name: value' lines)",
        start: s,
        end: m.index + m[0].length - 1,
        checked: false,
        current: 'the <settings><phone-settings> XML format',
      };
    }
    case 'poly-xml': {
      const root = rootElement(text);
      if (!root || !['config', 'sip', 'phone1', 'localcfg'].includes(root.name)) return undefined;
      return {
        id: 'poly-config',
        name: `an older Poly (SoundPoint IP / UC Software 3.x) file with a <${root.name}> root`,
        start: root.start,
        end: root.end,
        // <config> files also carry UC Software 4 names (device.set, reg.1.address): checked for slips; the 3.x
        // roots are not (the catalog is of UC Software 4+: voice.codecPref.G711Mu would read as a slip of G711_Mu)
        checked: root.name === 'config',
        current: 'the <polycomConfig> format of UC Software 4 and later',
      };
    }
    default:
      return undefined;
  }
}
