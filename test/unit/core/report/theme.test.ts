import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultTemplateDir, readTemplateDir } from '../../../../cli/commands/template-check';
import { buildReport } from '../../../../core/report/build';
import { DEFAULT_THEME, loadTemplate, type TemplateFile } from '../../../../core/report/template';
import { loadDemo } from './helpers';

const withManifest = (edit: (yaml: string) => string): TemplateFile[] =>
  readTemplateDir(defaultTemplateDir).map((f) => (f.path === 'template.yaml' ? { ...f, text: edit(f.text!) } : f));
/** The default manifest without its `theme:` block (the block ends at the blank line before `fonts:`). */
const withoutTheme = (yaml: string): string => yaml.replace(/\n {2}theme:[\s\S]*?\n(?= {2}fonts:)/, '\n');

describe('report theme (template palette)', () => {
  it('the default template states every theme colour, equal to the built-in defaults', () => {
    const { template } = loadTemplate(readTemplateDir(defaultTemplateDir));
    expect(template?.manifest.branding.theme).toEqual({ ...DEFAULT_THEME, levelFills: [...DEFAULT_THEME.levelFills] });
    expect(readTemplateDir(defaultTemplateDir).find((f) => f.path === 'template.yaml')!.text).toMatch(/\n {2}theme: /);
  });

  it('a template without a theme gets the defaults', () => {
    const files = withManifest(withoutTheme);
    expect(files.find((f) => f.path === 'template.yaml')!.text).not.toContain('theme:');
    const { template, problems } = loadTemplate(files);
    expect(problems).toEqual([]);
    expect(template?.manifest.branding.theme.sharedFill).toBe(DEFAULT_THEME.sharedFill);
  });

  it('rejects a bad theme colour with its line', () => {
    const { problems } = loadTemplate(withManifest((y) => y.replace('sharedFill: "FFF2CC"', 'sharedFill: "yellow"')));
    const p = problems.find((x) => x.message.startsWith('branding.theme.sharedFill'));
    expect(p?.message).toContain('six hex digits');
    expect(p?.line).toBeGreaterThan(1);
  });

  it('the document uses the theme: level fills, shared cells and table rules', async () => {
    const { bundle, pack } = loadDemo();
    const { template } = loadTemplate(
      withManifest((y) => y.replace('"9C1C1C"', '"123456"').replace('sharedFill: "FFF2CC"', 'sharedFill: "ABCDEF"').replace('tableBorder: "A6A6A6"', 'tableBorder: "0A0B0C"')),
    );
    const { report } = await buildReport({ bundle, pack, template: template! });
    const doc = await (await JSZip.loadAsync(report)).file('word/document.xml')!.async('string');
    for (const colour of ['123456', 'ABCDEF', '0A0B0C']) expect(doc.includes(`"${colour}"`), colour).toBe(true);
    for (const colour of ['9C1C1C', 'FFF2CC', 'A6A6A6']) expect(doc.includes(`"${colour}"`), colour).toBe(false);
  }, 60_000);
});
