// 3CX service test fixture: the example template (templates/3cx/yealink-t5x.ph.xml) and a bench with
// the phone it serves (lab-t57w, by vars.template), documents opened with the 3CX language id, and
// caret markers ('‸' marks the cursor: '|' is common in 3CX bodies).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../../../server/src/service/languageService';
import { repoRoot } from '../node/helpers';
import { EXAMPLE_BENCH, ROOT, service } from './helpers';

export const TPL_PATH = 'templates/3cx/yealink-t5x.ph.xml';
export const TPL = readFileSync(path.join(repoRoot, TPL_PATH), 'utf8');

export const BENCH_3CX = `${EXAMPLE_BENCH}  - mac: 80:5E:0C:57:57:01
    vendor: yealink
    model: T57W
    name: lab-t57w
    lines:
      - { extension: "107", display_name: Lab Touch, first_name: Lab, last_name: Touch, password: "t57-secret" }
    keys:
      - { type: blf, value: "100", label: Reception }
      - { type: speed_dial, value: "*97", label: Voicemail }
    vars:
      template: 3cx/yealink-t5x
      options: { languages: French }
      param: { pickup: "*20*" }
`;

/** The example template with a boot file before its .cfg (a two-file template). */
export const TPL_TWO_FILES = TPL.replace(
  '<deviceconfig filename="%%mac_address%%.cfg">',
  '<deviceconfig filename="%%mac_address%%.boot"><![CDATA[#!version:1.0.0.1\ninclude:config "%%PROVLINK%%/%%mac_address%%.cfg"\n]]></deviceconfig>\n      <deviceconfig filename="%%mac_address%%.cfg">',
);

export function service3cx(files: Record<string, string> = {}): LanguageService {
  const ls = service({ 'bench.yaml': BENCH_3CX, [TPL_PATH]: TPL, ...files });
  ls.configure({ phone: 'lab-t57w' });
  return ls;
}

/** A 3CX document (language id provisioning-3cx) and the caret position ('‸'; none: offset 0). */
export function at3cx(src: string, file = TPL_PATH, version = 1) {
  const o = src.indexOf('‸');
  const text = o < 0 ? src : src.slice(0, o) + src.slice(o + 1);
  const doc = TextDocument.create(`${ROOT}/${file}`, 'provisioning-3cx', version, text);
  return { doc, pos: doc.positionAt(o < 0 ? 0 : o), text };
}

/** The example template with `body` (may hold '‸') replacing the lines of its deviceconfig body after `after`. */
export function withBody(extra: string, after = 'sip.notify_reboot_enable = 0\n'): string {
  const i = TPL.indexOf(after);
  if (i < 0) throw new Error(`'${after}' not in the template`);
  return TPL.slice(0, i + after.length) + extra + TPL.slice(i + after.length);
}

/** 0-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not found`);
  return text.slice(0, i).split('\n').length - 1;
}
