import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { expectAccessible, goTo } from './pages/workshop';

/** The Report screen saves the register workbook the worker built (real Chromium, real exceljs in the worker). */
test.describe('Register workbook', () => {
  test('saves the register as an Excel workbook through main: every risk with its action owner, the findings and the queries', async ({ app, main }) => {
    test.setTimeout(180_000);
    await app.getByTestId('create-demo').click();
    await expect(app.getByTestId('assessment-row')).toHaveCount(1);
    await goTo(app, 'report');
    await app.getByTestId('generate-report').click();
    await expect(app.getByTestId('report-built')).toBeVisible({ timeout: 120_000 });
    await expect(app.getByTestId('save-register-xlsx')).toHaveText('Save register workbook (.xlsx)…');
    await expectAccessible(app, 'report built');
    await app.getByTestId('report-built').screenshot({ path: test.info().outputPath('report-built.png') });

    await app.getByTestId('save-register-xlsx').click();
    await expect(app.getByTestId('saved-documents')).toContainText(/Register workbook: .* - risk register\.xlsx/);
    expect(main.dialogCalls.at(-1)).toMatchObject({ filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] });

    const saved = readdirSync(main.saveFolder).filter((n) => n.endsWith('.xlsx'));
    expect(saved).toHaveLength(1);
    const bytes = readFileSync(path.join(main.saveFolder, saved[0]!));
    // read back with exceljs in Node: a valid workbook, not just bytes with the right name
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Risk register', 'Findings', 'Interview log', 'Queries']);
    const register = wb.getWorksheet('Risk register')!;
    const headers = (register.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['ID', 'Title', 'Action owner', 'Inventory evidence']));
    // one row per risk of the demo (116), below the header
    expect(register.actualRowCount).toBe(117);
    const ownerColumn = headers.indexOf('Action owner') + 1;
    const first = register.getRow(2);
    expect(first.getCell(1).text).toBe('R-001');
    expect(first.getCell(ownerColumn).text).toBe('Jonas Weber (Identity and Access Lead)');
    expect(wb.getWorksheet('Findings')!.actualRowCount).toBeGreaterThan(100);

    // saved in this session, so it opens in its application
    await app.getByRole('button', { name: /^Open .*risk register\.xlsx$/ }).click();
    await expect.poll(() => main.openedDocuments.length).toBe(1);
    expect(path.basename(main.openedDocuments[0]!)).toMatch(/risk register\.xlsx$/);
  });
});
