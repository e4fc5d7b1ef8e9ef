import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createAssessment, expectAccessible, goTo, readStore, waitSaved } from './pages/workshop';

test.describe('Incident response contacts: organisation', () => {
  test('typed from the keyboard, kept across a reload, exported; too long is refused with a message', async ({ app, main }) => {
    await createAssessment(app, 'IR organisation');
    await goTo(app, 'incident-response');
    await app.getByTestId('add-contact').click();

    // keyboard only: name, then Tab to the organisation field next to it
    await app.getByLabel('Contact 1 name').focus();
    await app.keyboard.type('Fabrikam Security SOC');
    await app.keyboard.press('Tab');
    await expect(app.getByLabel('Contact 1 organisation')).toBeFocused();
    await expect(app.getByLabel('Contact 1 organisation')).toHaveAccessibleDescription(/company of anyone outside the client/);
    await app.keyboard.type('Fabrikam Security');
    await waitSaved(app);

    await app.reload();
    await goTo(app, 'incident-response');
    await expect(app.getByLabel('Contact 1 organisation')).toHaveValue('Fabrikam Security');
    const [stored] = await readStore(app, 'contacts');
    expect(stored).toMatchObject({ name: 'Fabrikam Security SOC', organisation: 'Fabrikam Security' });

    // the bundle's limit (200): the field says what is wrong, and the stored value stays as it was
    await app.getByLabel('Contact 1 organisation').fill('x'.repeat(201));
    await expect(app.getByRole('alert')).toHaveText('Keep this under 200 characters.');
    await expect(app.getByLabel('Contact 1 organisation')).toHaveAttribute('aria-invalid', 'true');
    const [after] = await readStore(app, 'contacts');
    expect(after!.organisation).toBe('Fabrikam Security');
    await app.setViewportSize({ width: 1400, height: 900 });
    await app.screenshot({ path: 'test-results/screens/ir-contact-organisation-error.png' });
    await expectAccessible(app, 'contact with a refused organisation');

    // back under the limit: the message goes and the value is saved
    await app.getByLabel('Contact 1 organisation').fill('Fabrikam Security Ltd');
    await expect(app.getByRole('alert')).toHaveCount(0);
    await waitSaved(app);

    // and the exported bundle carries it
    await goTo(app, 'assessments');
    await app.getByRole('button', { name: 'Export IR organisation' }).click();
    await expect(app.getByTestId('assessments-notice')).toContainText('Exported');
    const bundle = JSON.parse(readFileSync(path.join(main.saveFolder, main.dialogCalls.at(-1)!.defaultPath), 'utf8'));
    expect(bundle.contacts).toEqual([expect.objectContaining({ name: 'Fabrikam Security SOC', organisation: 'Fabrikam Security Ltd' })]);
  });

  test('the demo’s partners show their organisation in the contacts table; the client’s own staff are blank', async ({ app }) => {
    await app.getByTestId('create-demo').click();
    await expect(app.getByTestId('assessment-row')).toHaveCount(1);
    await goTo(app, 'incident-response');
    await expect(app.getByTestId('contact-row')).toHaveCount(10);
    // a name is a wrapping text area, whose value is no attribute to select by: find its row by position
    const names = await app.getByTestId('contact-name').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    const organisationOf = (name: string) => app.getByTestId('contact-organisation').nth(names.indexOf(name));
    await expect(organisationOf('Fabrikam Security SOC')).toHaveValue('Fabrikam Security');
    await expect(organisationOf('Northwind Insurance claims line')).toHaveValue('Northwind Insurance');
    await expect(organisationOf('Priya Natarajan')).toHaveValue('');
    await app.setViewportSize({ width: 1400, height: 1100 });
    await app.getByTestId('contacts').scrollIntoViewIfNeeded();
    await app.screenshot({ path: 'test-results/screens/ir-contact-organisation-demo.png' });
  });
});
