// The problem registry: every problem code the workspace reports, defined once. `Problem['code']` is
// derived from it (a typo in a code is a compile error); docs/problems.md is generated from it
// (`npm run docs:problems`); each diagnostic links to the code's section there.
import type { Severity } from '../types';

export type ProblemArea = 'bench' | 'template' | '3cx' | 'output' | 'linter';

/** What a quick fix for a code does, and the Problem/diagnostic data fields it reads (never the message). */
export interface ProblemFix {
  title: string;
  data: readonly ('suggestions' | 'actual' | 'word')[];
}

export interface ProblemDef {
  area: ProblemArea;
  /** The severity the problem is created with (a bench `problems:` section or the setting can change it). */
  severity: Severity;
  /** One line, shown in docs/problems.md. */
  description: string;
  fix?: ProblemFix;
  /** Not run unless a `problems:` section or the setting gives the code a level (an opt-in check). */
  optIn?: boolean;
}

const SUGGEST: ProblemFix = { title: "Change to '<suggestion>' (did you mean)", data: ['suggestions'] };
const SUGGEST_OUTPUT: ProblemFix = {
  title: "Change to '<suggestion>', edited around any {{expressions}} in the key",
  data: ['suggestions', 'actual'],
};
const SUGGEST_WORD: ProblemFix = { title: "Change the word to '<suggestion>' inside the {IF …} tag", data: ['suggestions', 'word'] };

const def = (area: ProblemArea, severity: Severity, description: string, fix?: ProblemFix): ProblemDef => ({
  area,
  severity,
  description,
  fix,
});

/** Every problem code. The key is the code, its docs anchor and what suppression comments and overrides name. */
export const PROBLEMS = {
  // ---- the bench file ----
  'bench-yaml': def('bench', 'error', 'The bench file is not valid YAML (a YAML warning is reported as a warning).'),
  'bench-too-large': def('bench', 'error', 'The bench file is larger than 5 MB and is not read.'),
  'bench-schema': def('bench', 'error', 'A bench value has the wrong type (e.g. a list where a mapping is expected).'),
  'bench-unknown-property': def('bench', 'error', 'A property the bench schema does not define.', SUGGEST),
  'bench-enum': def('bench', 'error', 'A bench value is not one of the allowed values.', SUGGEST),
  'bench-range': def('bench', 'error', 'A bench number is below the minimum or above the maximum.'),
  'bench-missing-property': def('bench', 'error', 'A required bench property is missing.'),
  'bench-duplicate-key': def('bench', 'error', 'The same key appears twice in one bench mapping.'),
  'bench-mac': def('bench', 'error', 'A phone MAC address is not 12 hex digits.'),
  'bench-duplicate-mac': def('bench', 'error', 'Two phones share a MAC address; the later one is ignored.'),
  'bench-unknown-model': def(
    'bench',
    'warning',
    'A phone model the vendor profile does not know; the phone is served all the same.',
    SUGGEST,
  ),
  'bench-missing': def('bench', 'error', 'The bench file does not exist.'),
  'bench-unknown-module': def('bench', 'error', 'An expansion module the vendor profile does not know.', SUGGEST),
  'key-type-unsupported': def('bench', 'warning', 'A key function the vendor has no key code for: templates get no {{code}} for it.'),
  'keys-over-capacity': def(
    'bench',
    'warning',
    'More keys than the model (or module) has, more modules than it takes, or a module the model does not take.',
  ),
  'bench-secret': def(
    'bench',
    'error',
    'A `${env:NAME}` reference in a bench value names an unset environment variable, or is malformed (a value is never shown).',
  ),
  'bench-literal-secret': {
    ...def('bench', 'warning', 'A password-like bench field holds a literal value in a bench file tracked by git (use `${env:NAME}`).'),
    optIn: true,
  },
  'bench-firmware-model': def(
    'bench',
    'error',
    'A key of the `firmware:` map names no model of any vendor profile; the pin is ignored.',
    SUGGEST,
  ),
  'bench-firmware-file': def(
    'bench',
    'error',
    'A pinned firmware file is not in the folder that serves firmware (`check`), or its name leaves that folder.',
  ),
  // ---- Handlebars templates ----
  'hbs-syntax': def('template', 'error', 'Handlebars syntax error; nothing renders.'),
  'hbs-unclosed-block': def('template', 'error', 'A {{#block}} is never closed; nothing renders.'),
  'hbs-unsupported': def(
    'template',
    'error',
    'A Handlebars construct provisioning templates do not support (decorators, dynamic partial names).',
  ),
  'template-too-large': def('template', 'error', 'The template is too large to be checked or rendered.'),
  'unknown-path': def('template', 'warning', 'A data path the render context does not have (it renders empty).', SUGGEST),
  'unknown-helper': def('template', 'error', 'A helper that does not exist.', SUGGEST),
  'hbs-helper-usage': def('template', 'error', 'A block helper used as a simple expression.'),
  'missing-partial': def('template', 'error', 'A partial that no partials folder holds.', SUGGEST),
  'partial-recursion': def('template', 'error', 'A partial includes itself, directly or through others.'),
  'partial-error': def('template', 'error', 'An included partial cannot be loaded (its syntax error is reported in the partial).'),
  'render-error': def('template', 'error', 'Rendering failed for a phone.'),
  'render-limit': def('template', 'error', 'Rendering stopped at a limit (output size, steps): a runaway loop?'),
  'value-newline': def('template', 'error', 'A value with a line break in a key = value file, where it would start a new key.'),
  'object-output': def('template', 'warning', 'An expression renders an object ("[object Object]") instead of a value.'),
  'helper-error': def('template', 'error', 'A helper failed with the arguments it got for a phone.'),
  // ---- 3CX templates ----
  'threecx-xml': def('3cx', 'error', 'The 3CX template is not well-formed XML; nothing renders.'),
  'threecx-envelope': def('3cx', 'error', 'The 3CX template envelope (<template>, <models>, <files>, …) is incomplete or wrong.'),
  'threecx-unclosed-if': def('3cx', 'error', 'An {IF …} block is never closed with {ENDIF}.'),
  'threecx-syntax': def('3cx', 'error', 'A 3CX body syntax error ({ENDIF} without {IF}, a malformed tag).'),
  'unknown-variable': def('3cx', 'warning', 'A %%variable%% 3CX does not define (it renders empty).', SUGGEST_WORD),
  'threecx-key-variable': def('3cx', 'warning', 'A per-key %%variable%% outside an {IF blfN} block (it renders empty).'),
  'threecx-unknown-ua': def('3cx', 'warning', "An {IF ua=…} entry naming none of the template's models: it never matches.", SUGGEST_WORD),
  'threecx-unknown-network': def('3cx', 'warning', 'An {IF network=…} entry that is not a 3CX network mode.'),
  'threecx-unset': def('3cx', 'warning', 'A variable the bench does not set for this phone (it renders empty).'),
  'threecx-blftype': def('3cx', 'warning', 'A BLF key type this template cannot render for the phone.'),
  'threecx-option': def('3cx', 'warning', 'The phone selects an option the option list does not have; the default is used.'),
  'threecx-network': def('3cx', 'warning', "The phone's network mode is not in the template's <AllowedNetworkConfig>."),
  'threecx-model': def('3cx', 'warning', "The phone's model is none of the template's <models>."),
  // ---- rendered output (key catalogs) ----
  'unknown-key': def(
    'output',
    'warning',
    'A key close to a known key (a misspelling, swapped words, another index form), or unknown in a key family the catalog lists in full.',
    SUGGEST_OUTPUT,
  ),
  'uncatalogued-key': def(
    'output',
    'information',
    'A key near no catalog key: it may be valid on the phone but is not in the catalog (nor the workspace catalog).',
    { title: "Add '<word>' to the workspace catalog (catalog/<vendor>.yaml)", data: ['word'] },
  ),
  'legacy-format': def(
    'output',
    'information',
    'A legacy vendor file format (Yealink v6x INI, Fanvil VOIP_CONFIG_FILE, Snom plain text, older Poly <config>), named once per file.',
  ),
  'firmware-key': def(
    'output',
    'warning',
    "A key the phone's firmware (bench vars.firmware_version) no longer reads (renamed or removed) or does not read yet.",
    SUGGEST_OUTPUT,
  ),
  'workspace-catalog': def(
    'output',
    'warning',
    'A workspace catalog file (catalog/<vendor>.yaml) that cannot be read, or an entry in it that is wrong.',
  ),
  'invalid-value': def('output', 'warning', 'A value the key does not accept.'),
  'duplicate-key': def('output', 'warning', 'The same key is set twice in one file; the phone keeps one of them.'),
  'wrong-file': def('output', 'warning', "A key that belongs in another of the vendor's files."),
  'deprecated-key': def('output', 'information', 'A deprecated key, with its replacement when there is one.', SUGGEST_OUTPUT),
  'missing-header': def('output', 'error', 'The file lacks the header line the phone requires.', {
    title: "Insert (or replace the first line with) the header '<suggestion>'",
    data: ['suggestions'],
  }),
  'xml-malformed': def('output', 'error', 'The rendered XML is not well-formed.'),
  'index-out-of-range': def(
    'output',
    'warning',
    'A key index (line, key, account number) beyond what the phone model has.',
    SUGGEST_OUTPUT,
  ),
  'malformed-line': def('output', 'warning', 'A line in a key = value file that the phone cannot read.'),
  'output-bom': def('output', 'error', 'A byte-order mark before the header the phone requires (a warning where there is none).'),
  'xml-illegal-char': def('output', 'error', 'A character XML 1.0 forbids (a control character, U+FFFE/FFFF, a lone surrogate).'),
  'control-char': def('output', 'error', 'A control or line-separator character (NUL, ESC, U+2028…) in a key = value file.'),
  'mixed-line-endings': def('output', 'warning', 'CRLF and LF line endings in one file.'),
  'invalid-utf8': def('template', 'error', 'A template or the bench file is not valid UTF-8 (the byte offset is given).'),
  'unsupported-model': def('output', 'information', 'A key the catalog marks as not supported by this phone model.'),
  'key-overridden': def(
    'output',
    'information',
    'A key set again, to another value, by a file or line that wins in the boot order: this value never takes effect.',
  ),
  // ---- linter controls ----
  'unknown-problem-code': def(
    'linter',
    'warning',
    'A problem code that does not exist, in a bench `problems:` section or a provisioning-disable comment.',
    SUGGEST,
  ),
} satisfies Record<string, ProblemDef>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEMS, code);
}

export function problemDef(code: ProblemCode): ProblemDef {
  return PROBLEMS[code];
}

/** A code where a plain string is compared with one (an LSP diagnostic's code): a typo is a compile error. */
export function problemCode<C extends ProblemCode>(code: C): C {
  return code;
}

/** The docs anchor of a code in docs/problems.md: the code itself. */
export function problemAnchor(code: ProblemCode): string {
  return code;
}
