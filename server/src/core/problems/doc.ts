// docs/problems.md, generated from the registry (`npm run docs:problems`; a test fails when the committed
// file differs). One section per code; its heading is the code, so the anchor diagnostics link to is too.
import { PROBLEM_CODES, PROBLEMS, type ProblemArea } from './registry';
import { PROBLEM_LEVELS } from './policy';

const AREAS: { area: ProblemArea; title: string; where: string }[] = [
  { area: 'bench', title: 'Bench file', where: 'in the bench file (`bench.yaml`)' },
  {
    area: 'template',
    title: 'Handlebars templates',
    where: 'in a Handlebars template or partial, statically or when rendering for a bench phone',
  },
  { area: '3cx', title: '3CX templates', where: 'in a 3CX template (`.ph.xml`), statically or when rendering for a bench phone' },
  {
    area: 'output',
    title: 'Rendered output (vendor key catalogs)',
    where: 'in the rendered file, located on the template text that produced it',
  },
  { area: 'linter', title: 'Linter controls', where: 'in a `problems:` section or a suppression comment' },
];

/**
 * The `provisioningStudio.problems` setting in package.json: one property per code (completion and hover in
 * settings.json, with the code's description), and an unknown code a located warning there.
 */
export function problemsSettingSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const code of PROBLEM_CODES) {
    const d = PROBLEMS[code];
    properties[code] = {
      type: 'string',
      enum: [...PROBLEM_LEVELS],
      markdownDescription: `${d.description} ${d.optIn ? `Off unless given a level (then \`${d.severity}\` is usual)` : `Default: \`${d.severity}\``}.`,
    };
  }
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    properties,
    additionalProperties: false,
    markdownDescription:
      'Severity per problem code in the editor, e.g. `{ "unknown-key": "warning", "duplicate-key": "off" }`: ' +
      "`error`, `warning`, `information`, `hint`, or `off` to hide the code's problems. Applied over the `problems:` section of " +
      'the bench file (which `check` honours too). Codes: docs/problems.md. An unknown code is reported in the Provisioning ' +
      'Studio output and as a warning message.',
  };
}

export function problemsMarkdown(): string {
  const out: string[] = [
    '# Problems',
    '',
    '<!-- Generated from server/src/core/problems/registry.ts by `npm run docs:problems`: do not edit by hand. -->',
    '',
    'Every problem `check` and the editor report has a code. Each section below is named by its code: the',
    "editor links a diagnostic's code here.",
    '',
    '## Severity and suppression',
    '',
    `Severity per code, honoured alike by \`check\` and the editor: ${PROBLEM_LEVELS.map((l) => `\`${l}\``).join(', ')}`,
    "(`off` removes the code's problems). In the bench file:",
    '',
    '```yaml',
    'problems:',
    '  unknown-key: warning',
    '  duplicate-key: off',
    '```',
    '',
    "The VS Code setting `provisioningStudio.problems` (same shape) applies over the bench file's section in the",
    'editor. `check` exits 1 when an error remains, so lowering a code to `warning` lets CI pass.',
    '',
    'Suppression comments, in the file the problem is located in (several codes separated by spaces or commas;',
    'no code: every code):',
    '',
    '```handlebars',
    '{{!-- provisioning-disable-next-line unknown-key --}}',
    'account.1.lable = x',
    'account.1.foo = {{phone.nmae}} {{! provisioning-disable-line unknown-path }}',
    '```',
    '',
    'and in 3CX templates `<!-- provisioning-disable-next-line unknown-variable -->` (inside a key = value body that line',
    'reaches the phone, which ignores it; it is not reported as malformed). A code that does not exist in either place is an',
    '[`unknown-problem-code`](#unknown-problem-code) warning.',
    '',
    '## Codes',
    '',
  ];
  for (const a of AREAS) {
    const codes = PROBLEM_CODES.filter((c) => PROBLEMS[c].area === a.area);
    out.push(`- ${a.title}: ${codes.map((c) => `[\`${c}\`](#${c})`).join(', ')}`);
  }
  for (const a of AREAS) {
    out.push('', `## ${a.title}`, '', `Reported ${a.where}.`);
    for (const code of PROBLEM_CODES.filter((c) => PROBLEMS[c].area === a.area)) {
      const d = PROBLEMS[code];
      out.push('', `### ${code}`, '', d.description, '', `- Default severity: ${d.severity}`);
      if (d.fix) out.push(`- Quick fix: ${d.fix.title} (reads the diagnostic's data: ${d.fix.data.map((f) => `\`${f}\``).join(', ')})`);
      const suppress = a.area === 'bench' ? '' : `; suppress: \`provisioning-disable-next-line ${code}\``;
      if (d.optIn) out.push(`- Off unless turned on: \`problems: { ${code}: ${d.severity} }\` (or the editor setting)${suppress}`);
      else out.push(`- Change: \`problems: { ${code}: ${d.severity === 'error' ? 'warning' : 'off'} }\`${suppress}`);
    }
  }
  return out.join('\n') + '\n';
}
