import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../core/content/loader';
import type { PackFile } from '../../../../core/content/types';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { runMain } from '../../cli/run-main';

const bundled = readPackFiles(defaultPackDir);
const themesText = bundled.find((f) => f.path === 'themes.yaml')!.text;

/** The bundled pack with themes.yaml edited. */
function withThemes(edit: (text: string) => string): PackFile[] {
  return bundled.map((f) => (f.path === 'themes.yaml' ? { path: f.path, text: edit(f.text) } : f));
}
const errorsOf = (edit: (text: string) => string) => loadPack(withThemes(edit)).errors;

describe('themes.yaml in the content check', () => {
  it('the bundled themes place every risk template in exactly one theme', () => {
    const { pack, errors } = loadPack(bundled);
    expect(errors).toEqual([]);
    expect(pack.themes?.themes.length).toBeGreaterThanOrEqual(6);
    expect(pack.themes?.themes.length).toBeLessThanOrEqual(12);
  });

  it('names file and path when a template is listed under two themes', () => {
    // RT-NW-ADMIN-PATH is listed under internet-exposure (themes[2]); list it under data-protection too
    const errors = errorsOf((t) => t.replace('templates: [RT-LOCAL-AUTH]', 'templates: [RT-LOCAL-AUTH, RT-NW-ADMIN-PATH]'));
    expect(errors).toContainEqual({
      file: 'themes.yaml',
      path: 'themes[3].match.templates',
      message: expect.stringContaining("risk template 'RT-NW-ADMIN-PATH' lands in 2 themes ('internet-exposure', 'data-protection')"),
    });
  });

  it('names the template and its file when it lands in no theme, and when rules overlap', () => {
    const none = errorsOf((t) => t.replace('categories: [m365]', 'templates: [RT-M365-OVERSHARING]'));
    expect(none).toContainEqual({ file: 'themes.yaml', path: 'themes', message: expect.stringMatching(/^risk template 'RT-M365-EMAIL-SPOOFING' \(risk-templates\/[a-z0-9-]+\.yaml\) is in no theme/) });
    const overlap = errorsOf((t) => t.replace('categories: [m365]', 'categories: [m365, identity]'));
    expect(overlap).toContainEqual({ file: 'themes.yaml', path: 'themes[7].match', message: expect.stringContaining("risk template 'RT-IDN-USER-MFA' lands in 2 themes ('sign-in', 'm365-collaboration')") });
  });

  it('refuses unknown template ids, schema mistakes and dependency cycles, with their paths', () => {
    expect(errorsOf((t) => t.replace('RT-WKL-END-OF-LIFE: { min: 20, max: 60 }', 'RT-NOT-A-TEMPLATE: { min: 20, max: 60 }'))).toContainEqual({
      file: 'themes.yaml',
      path: 'effort.templates.RT-NOT-A-TEMPLATE',
      message: "unknown risk template 'RT-NOT-A-TEMPLATE'",
    });
    expect(errorsOf((t) => t.replace('low: { min: 1, max: 3 }', 'low: { min: 4, max: 3 }'))).toContainEqual({
      file: 'themes.yaml',
      path: 'effort.levels.low',
      message: expect.stringContaining('min must not be larger than max'),
    });
    const cycle = errorsOf((t) => `${t}  - template: RT-PAM-NO-BREAK-GLASS\n    after: [RT-DEF-NO-IDENTITY-BASELINE]\n    reason: A test cycle.\n`);
    expect(cycle).toContainEqual({ file: 'themes.yaml', path: 'dependencies[0]', message: 'dependency cycle: RT-DEF-NO-IDENTITY-BASELINE after RT-PAM-NO-BREAK-GLASS after RT-DEF-NO-IDENTITY-BASELINE' });
  });

  describe('demarc content check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-themes-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits 1 and prints the file and YAML path of a bad themes file', async () => {
      cpSync(defaultPackDir, join(dir, 'pack'), { recursive: true });
      writeFileSync(join(dir, 'pack', 'themes.yaml'), themesText.replace('categories: [m365]', 'templates: [RT-M365-OVERSHARING]'));
      const r = await runMain(['content', 'check', '--pack', join(dir, 'pack')], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("themes.yaml themes: risk template 'RT-M365-EMAIL-SPOOFING'");
    });
  });
});
