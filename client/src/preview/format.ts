// Preview text: the rendered file as the phone gets it; render errors as a comment header on top.
import type { RenderResultMessage } from '../serverRequests';

export function commentLines(fileName: string, lines: string[]): string {
  if (/\.xml$/i.test(fileName)) return `<!--\n${lines.map((l) => `  ${l.replace(/--/g, '- -')}`).join('\n')}\n-->\n`;
  return lines.map((l) => `# ${l}`).join('\n') + '\n';
}

export function previewText(r: RenderResultMessage): string {
  if (!r.errors.length) return r.text;
  const head = [
    `Provisioning Studio: ${r.text ? 'rendered with errors' : 'render failed'} for ${r.phone.name} (${r.phone.model})`,
    ...r.errors.flatMap((e) => e.split('\n')),
    r.text ? 'Output below, as the phone would receive it (without this header).' : 'Nothing would be served.',
  ];
  return commentLines(r.fileName, head) + r.text;
}

export function failureText(fileName: string, phone: string, message: string): string {
  return commentLines(fileName, [`Provisioning Studio: could not render for ${phone}`, message]);
}
