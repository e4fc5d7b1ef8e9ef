/** Connect to Azure → device code → subscriptions → progress → a new stored snapshot → checks. */
import { startAzureFakes, type AzureFakes } from './harness/azure-fakes';
import { expect, test as base } from './fixtures';
import { connectAndPullAll } from './pages/azure';
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
  await connectAndPullAll(app, fakes);
  await expect(app.getByTestId('azure-pull-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  const snapshots = await readStore(app, 'snapshots');
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]).toMatchObject({ source: 'azure', status: 'complete' });
  expect(Number(snapshots[0]!.resourceCount)).toBeGreaterThan(0);
  await expect(app.getByTestId('snapshot-row')).toHaveCount(1);
  await expect(app.getByTestId('resource-row').first()).toBeVisible();
});
