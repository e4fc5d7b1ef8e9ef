import { expect, test } from './fixtures';

test.describe('Assessments home', () => {
  test('an assessment created in the app is still there after a reload', async ({ app }) => {
    await app.getByTestId('new-assessment-name').fill('Contoso Azure review 2026');
    await app.getByTestId('new-assessment-client').fill('Contoso Ltd');
    await app.getByTestId('create-assessment').click();
    await expect(app.getByTestId('assessment-name')).toHaveText(['Contoso Azure review 2026']);

    await app.reload();
    await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await expect(app.getByTestId('assessment-row')).toHaveCount(1);
    await expect(app.getByTestId('assessment-row')).toContainText('Contoso Ltd');

    // Read straight from IndexedDB: the record is in the real database, not in React state.
    const stored = await app.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open('demarc');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('assessments').objectStore('assessments').getAll();
            read.onsuccess = () => resolve(read.result as unknown[]);
            read.onerror = () => reject(read.error);
          };
        }),
    );
    expect(stored).toEqual([expect.objectContaining({ name: 'Contoso Azure review 2026', client: 'Contoso Ltd', status: 'draft' })]);
  });

  test('renames and, after confirmation, deletes an assessment', async ({ app }) => {
    for (const name of ['Fabrikam tenant review', 'Northwind workshop']) {
      await app.getByTestId('new-assessment-name').fill(name);
      await app.getByTestId('create-assessment').click();
      await expect(app.getByTestId('assessment-list').getByText(name, { exact: true })).toBeVisible();
    }

    await app.getByRole('button', { name: 'Rename Northwind workshop' }).click();
    await app.getByTestId('rename-input').fill('Northwind — day 1');
    await app.getByTestId('rename-confirm').click();
    await expect(app.getByTestId('assessment-list').getByText('Northwind — day 1', { exact: true })).toBeVisible();

    await app.getByRole('button', { name: 'Delete Fabrikam tenant review' }).click();
    await expect(app.getByRole('alertdialog')).toContainText('Delete “Fabrikam tenant review”?');
    await app.getByTestId('delete-cancel').click();
    await expect(app.getByTestId('assessment-row')).toHaveCount(2);

    await app.getByRole('button', { name: 'Delete Fabrikam tenant review' }).click();
    await app.getByTestId('delete-confirm').click();
    await expect(app.getByTestId('assessment-name')).toHaveText(['Northwind — day 1']);

    await app.reload();
    await expect(app.getByTestId('assessment-name')).toHaveText(['Northwind — day 1']);
  });

  test('refuses an empty name and writes nothing', async ({ app }) => {
    await app.getByTestId('new-assessment-name').fill('   ');
    await app.getByTestId('create-assessment').click();
    await expect(app.getByText('Give the assessment a name.')).toBeVisible();
    await expect(app.getByTestId('no-assessments')).toBeVisible();
  });

  test('shows a hostile name as text, running nothing', async ({ app }) => {
    let dialogs = 0;
    app.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const hostile = '<img src=x onerror=alert(1)>';
    await app.getByTestId('new-assessment-name').fill(hostile);
    await app.getByTestId('create-assessment').click();
    await expect(app.getByTestId('assessment-name')).toHaveText([hostile]);
    expect(await app.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});
