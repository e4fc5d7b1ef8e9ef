import { expect, type Page } from '@playwright/test';
import { FAKE_SUBSCRIPTIONS, type AzureFakes } from '../harness/azure-fakes';

/** On the Inventory screen: signs in to the fakes by device code, lists their subscriptions and pulls them all until complete. */
export async function connectAndPullAll(page: Page, fakes: AzureFakes): Promise<void> {
  await page.getByTestId('azure-panel').getByRole('button', { name: /Connect to Azure/ }).click();
  await page.getByTestId('azure-cloud').selectOption('custom');
  await page.getByTestId('azure-arm-endpoint').fill(fakes.target.armEndpoint);
  await page.getByTestId('azure-authority-host').fill(fakes.target.authorityHost);
  await page.getByTestId('azure-sign-in').click();
  await expect(page.getByTestId('azure-account')).toBeVisible();
  await page.getByTestId('azure-discover').click();
  await expect(page.getByTestId('azure-subscription')).toHaveCount(FAKE_SUBSCRIPTIONS.length);
  await page.getByTestId('azure-start-pull').click();
  await expect(page.getByTestId('azure-pull-status')).toHaveText('complete', { timeout: 60_000 });
}
