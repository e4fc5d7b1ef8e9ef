import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintDocx } from '../../core/report/docx-lint';
import { expect, test } from './fixtures';
import { expectAccessible, goTo } from './pages/workshop';

test.describe('Report screen', () => {
  test('builds the demo report off the UI thread, saves it through main and opens it', async ({ app, main }) => {
    test.setTimeout(180_000);
    await app.getByTestId('create-demo').click();
    await expect(app.getByTestId('assessment-row')).toHaveCount(1);
    await goTo(app, 'report');
    await expectAccessible(app, 'report');

    // The folder dialog (stubbed at the edge) picks templates/default; main reads it from disk.
    await app.getByTestId('choose-template').click();
    await expect(app.getByTestId('report-template')).toHaveText(/^default \(\d+ files\)$/);
    // the IR plan is its own document unless the deliverable settings say otherwise
    await expect(app.getByRole('radio', { name: 'As a separate document' })).toBeChecked();
    await app.getByTestId('generate-report').click();
    await expect(app.getByTestId('report-progress')).toBeVisible();
    await expect(app.getByTestId('report-built')).toBeVisible({ timeout: 120_000 });
    await expect(app.getByTestId('report-built')).toContainText('ids masked');

    await app.getByTestId('save-report').click();
    await app.getByTestId('save-ir-plan').click();
    await app.getByTestId('save-register-csv').click();
    await expect(app.getByTestId('saved-documents').getByRole('listitem')).toHaveCount(3);

    const saved = readdirSync(main.saveFolder).sort();
    expect(saved).toHaveLength(3);
    expect(saved.map((name) => name.replace(/^.* - /, ''))).toEqual(['incident response plan.docx', 'report.docx', 'risk register.csv']);
    for (const name of saved.filter((n) => n.endsWith('.docx'))) {
      const problems = await lintDocx(new Uint8Array(readFileSync(path.join(main.saveFolder, name))));
      expect(problems, name).toEqual([]);
    }
    const csv = readFileSync(path.join(main.saveFolder, saved.find((n) => n.endsWith('.csv')) ?? ''), 'utf8');
    expect(csv).toMatch(/R-001/);
    expect(main.dialogCalls.map((c) => c.filters[0]?.extensions[0])).toEqual(['docx', 'docx', 'csv']);

    await app.getByRole('button', { name: /^Open .*report\.docx$/ }).click();
    await expect.poll(() => main.openedDocuments.length).toBe(1);
    expect(path.basename(main.openedDocuments[0] ?? '')).toMatch(/report\.docx$/);
  });

  test('page code cannot open a file main did not save', async ({ app, main }) => {
    const result = await app.evaluate(() => window.demarc!.openDocument({ documentId: 'made-up' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(main.openedDocuments).toEqual([]);
  });
});

test.describe('Report template folder', () => {
  // A copy of the default template with a picture over the size limit and a hidden file.
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'demarc-e2e-template-')), 'Acme template');
  cpSync(path.resolve(import.meta.dirname, '..', '..', 'templates', 'default'), folder, { recursive: true });
  writeFileSync(path.join(folder, 'cover.png'), Buffer.alloc(6 * 1024 * 1024));
  writeFileSync(path.join(folder, '.DS_Store'), '');
  test.use({ templateFolder: folder });

  test('shows what main did not read from the chosen folder, and why', async ({ app }) => {
    await app.getByTestId('create-demo').click();
    await goTo(app, 'report');
    await app.getByTestId('choose-template').click();
    await expect(app.getByTestId('report-template')).toHaveText(/^Acme template \(\d+ files\)$/);
    await expect(app.getByTestId('template-skipped')).toContainText('Not read from Acme template');
    await expect(app.getByTestId('template-skipped-entry')).toHaveText([
      '.DS_Store: hidden',
      'cover.png: larger than the 5 MB limit for one file (6,291,456 bytes)',
    ]);
    await expectAccessible(app, 'report-template-skipped');
    await app.screenshot({ path: test.info().outputPath('report-template-skipped.png') });
  });
});
