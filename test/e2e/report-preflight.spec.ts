import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { expectAccessible, goTo, readStore } from './pages/workshop';

/** The Report screen's settings and sign-off, and its pre-flight check, on the demo (real Chromium, real IndexedDB). */
test.describe('Report settings and pre-flight check', () => {
  test('lists what would embarrass the report, clears items as they are fixed, accepts one with a reason, and the report carries the settings', async ({ app, main }) => {
    test.setTimeout(180_000);
    await app.getByTestId('create-demo').click();
    await expect(app.getByTestId('assessment-row')).toHaveCount(1);
    await goTo(app, 'report');

    const item = (id: string) => app.locator(`[data-testid="preflight-item"][data-item-id="${id}"]`);
    // the demo's own contradictions of issue 14, found before anything is written; the demo's
    // consultant accepted each item with a reason (owners, "Don't know" to verify): nothing open
    await expect(item('contradiction:support-plan')).toContainText('Unified Support (Enterprise)');
    await expect(item('contradiction:security-partner')).toContainText('Escalation notes');
    await expect(item('contradiction:support-plan').getByTestId('preflight-accepted-reason')).toContainText('Accepted by Alex Morgan: IRP-05 stays as answered');
    await expect(app.getByTestId('preflight-summary')).toContainText('0 blocker(s) open, 0 open item(s) in all');
    // withdrawn, the item is open again (accepted again below, with another reason)
    await item('contradiction:support-plan').getByRole('button', { name: 'Withdraw the acceptance of “Contradiction: Microsoft support plan”' }).click();
    await expect(item('contradiction:support-plan').getByTestId('preflight-accept')).toBeVisible();
    await expect(app.getByTestId('preflight-summary')).toContainText('0 blocker(s) open, 1 open item(s) in all');
    // the demo names who signs its 0.9 draft: nothing to fix in document control
    await expect(item('document-control:partner')).toHaveCount(0);
    await expect(app.getByTestId('deliverable-partner')).toHaveValue('Helen Carter, Demarc Advisory');

    // a final labelled 0.9 contradicts itself
    await app.getByTestId('deliverable-status').getByText('Final').click();
    await expect(item('version:status')).toContainText('Blocker');
    await expect(app.getByTestId('preflight-summary')).toContainText('1 blocker(s) open');

    // a final without its partner: a blocker, cleared once named (saved when the field is left)
    await app.getByTestId('deliverable-partner').fill('');
    await app.getByTestId('deliverable-partner').blur();
    await expect(item('document-control:partner')).toContainText('Blocker');
    await app.getByTestId('deliverable-partner').fill('Jo Partner');
    await app.getByTestId('deliverable-partner').blur();
    await expect(item('document-control:partner')).toHaveCount(0);
    await app.getByTestId('deliverable-version').fill('1.0');
    await app.getByTestId('deliverable-version').blur();
    await expect(item('version:status')).toHaveCount(0);
    await expect(app.getByTestId('preflight-summary')).toContainText('0 blocker(s) open');

    // accepting needs a reason; the acceptance is stored in IndexedDB
    await item('contradiction:support-plan').getByTestId('preflight-accept').click();
    await app.getByTestId('accept-confirm').click();
    await expect(app.getByRole('dialog')).toContainText('Say why this item is accepted rather than fixed.');
    await app.getByTestId('accept-reason').fill('The client confirmed Unified Support after the workshop; the answer stays as given.');
    await expectAccessible(app, 'accept pre-flight item');
    await app.getByTestId('accept-confirm').click();
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await expect(item('contradiction:support-plan')).toContainText('Accepted');
    await expect(item('contradiction:support-plan').getByTestId('preflight-accepted-reason')).toContainText('confirmed Unified Support');
    const [stored] = await readStore(app, 'deliverableSettings');
    expect(stored).toMatchObject({ status: 'final', version: '1.0', partner: 'Jo Partner', qaReviewer: 'Daniel Brooks, Demarc Advisory', sponsor: 'Marcus Lindqvist' });
    const accepted = (stored as { preflightAccepted: { itemId: string; reason: string; at: string }[] }).preflightAccepted;
    expect(accepted.filter((a) => a.itemId === 'contradiction:support-plan')).toEqual([
      expect.objectContaining({ reason: 'The client confirmed Unified Support after the workshop; the answer stays as given.', at: expect.any(String) as unknown }),
    ]);

    await expectAccessible(app, 'report settings and pre-flight');
    await app.getByTestId('deliverable-settings').screenshot({ path: test.info().outputPath('report-settings.png') });
    await app.getByTestId('preflight').screenshot({ path: test.info().outputPath('report-preflight.png') });

    // the worker builds with the stored settings: status, version and signatories in the document
    await app.getByTestId('generate-report').click();
    await expect(app.getByTestId('report-built')).toBeVisible({ timeout: 120_000 });
    await app.getByTestId('save-report').click();
    await expect(app.getByTestId('saved-documents').getByRole('listitem')).toHaveCount(1);
    const saved = readdirSync(main.saveFolder).find((n) => n.endsWith('report.docx'))!;
    const xml = await (await JSZip.loadAsync(readFileSync(path.join(main.saveFolder, saved)))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('1.0 Final');
    expect(text).toContain('Engagement partner (approves)');
    expect(text).toContain('Jo Partner');

    // the link to where an item is fixed
    await item('contradiction:security-partner').getByRole('button', { name: /Go to Interview/ }).click();
    await expect(app.getByTestId('area-interview')).toBeVisible();
  });
});
