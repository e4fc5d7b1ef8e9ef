/** Connect to Azure → device code → subscriptions → progress → a new stored snapshot → checks. */
import { FAKE_SUBSCRIPTIONS, startAzureFakes, type AzureFakes } from './harness/azure-fakes';
import { expect, test as base } from './fixtures';
import { createAssessment, goTo, readStore } from './pages/workshop';

const test = base.extend<{ fakes: AzureFakes }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures without dependencies take `{}`
  fakes: async ({}, use) => {
    const fakes = await startAzureFakes();
    await use(fakes);
    await fakes.stop();
  },
  azure: async ({ fakes }, use) => use(fakes.harnessOptions),
});

test('a live pull streams into a new snapshot and the checks run', async ({ app, fakes }) => {
  await createAssessment(app, 'Live pull workshop');
  await goTo(app, 'inventory');
  await app.getByTestId('azure-panel').getByRole('button', { name: /Connect to Azure/ }).click();
  await app.getByTestId('azure-cloud').selectOption('custom');
  await app.getByTestId('azure-arm-endpoint').fill(fakes.target.armEndpoint);
  // A host with credentials in it is refused before anything is sent to main.
  await app.getByTestId('azure-authority-host').fill('https://user:pw@login.contoso.example');
  await expect(app.getByText('The address must not contain credentials.')).toBeVisible();
  await expect(app.getByTestId('azure-sign-in')).toBeDisabled();
  // The host the sign-in will use is shown before it starts.
  await app.getByTestId('azure-authority-host').fill(`${fakes.target.authorityHost}/`);
  await expect(app.getByTestId('azure-authority-host-shown')).toHaveText(fakes.target.authorityHost);
  await app.getByTestId('azure-panel').screenshot({ path: test.info().outputPath('azure-connect-authority.png') });
  await app.getByTestId('azure-sign-in').click();
  await expect(app.getByTestId('azure-account')).toBeVisible();
  await app.getByTestId('azure-discover').click();
  await expect(app.getByTestId('azure-subscription')).toHaveCount(FAKE_SUBSCRIPTIONS.length);
  await app.getByTestId('azure-start-pull').click();
  await expect(app.getByTestId('azure-pull-status')).toHaveText('complete', { timeout: 60_000 });
  await expect(app.getByTestId('azure-pull-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  const snapshots = await readStore(app, 'snapshots');
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]).toMatchObject({ source: 'azure', status: 'complete' });
  expect(Number(snapshots[0]!.resourceCount)).toBeGreaterThan(0);
  await expect(app.getByTestId('snapshot-row')).toHaveCount(1);
  await expect(app.getByTestId('resource-row').first()).toBeVisible();
});
