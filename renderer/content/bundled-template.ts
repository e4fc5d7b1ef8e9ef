/**
 * The default report template (`templates/default/`) bundled with the app: text files
 * inlined as strings, binary files (logo, optional Word reference document) as data URLs
 * decoded to bytes — no fetch, so it works under the app's CSP, in a worker too.
 */
import type { TemplateFile } from '../../core/report/template';

const PREFIX = '../../templates/default/';

const texts = import.meta.glob('../../templates/default/**/*.{yaml,yml,md}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const binaries = import.meta.glob('../../templates/default/**/*.{png,jpg,jpeg,docx}', { query: '?inline', import: 'default', eager: true }) as Record<
  string,
  string
>;

function dataUrlBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The template's files as `{path, text | bytes}` relative to the template folder. */
export function bundledTemplateFiles(): TemplateFile[] {
  return [
    ...Object.entries(texts).map(([path, text]) => ({ path: path.slice(PREFIX.length), text })),
    ...Object.entries(binaries).map(([path, url]) => ({ path: path.slice(PREFIX.length), bytes: dataUrlBytes(url) })),
  ];
}
