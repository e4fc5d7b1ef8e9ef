import { expect, test } from './fixtures';
import { expectAccessible, goTo } from './pages/workshop';

test("Provider commitments: the demo estate's SLA figures per resource and per workload, each with its source", async ({ app }) => {
  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await goTo(app, 'commitments');
  await expect(app.getByTestId('commitments-screen')).toBeVisible();
  await expect(app.getByTestId('commitment-summary')).toContainText(/\d+ resources of .* have an SLA of their own/);
  const resources = app.getByTestId('commitment-resources');
  // a single VM on a Standard HDD disk: 95 %, from the SLA's single-instance clause
  const single = resources.getByRole('row').filter({ hasText: 'vm-win-manual' });
  await expect(single).toContainText('95 %');
  await expect(single).toContainText('Standard HDD');
  // its source by reference number, the citation in the tooltip and listed once under the table
  await expect(single.getByTestId('commitment-source-ref')).toHaveAttribute('title', /^Service Level Agreements \(SLA\) for Online Services/);
  await expect(app.getByTestId('commitment-sources')).toContainText('Service Level Agreements (SLA) for Online Services');
  // Key Vault's figure is only in third-party compilations: shown as unknown, never guessed
  await expect(resources.getByRole('row').filter({ hasText: 'kv-hardened' })).toContainText('Unknown');
  // the demo client answered SCOPE-CRITICALITY: a workload's composite is compared with it
  await expect(app.getByTestId('commitment-tolerance')).toContainText('SCOPE-CRITICALITY');
  // the demo's two workloads, from their workload tags: the LIMS misses the tolerance, the clinical data platform meets it
  await expect(app.getByTestId('workload-LIMS')).toContainText('Gap');
  // the composite reads as the report prints it: three decimals, rounded down
  await expect(app.getByTestId('workload-LIMS')).toContainText('90.159 %');
  await expect(app.getByTestId('workload-LIMS')).not.toContainText('90.1597');
  await expect(app.getByTestId('workload-LIMS')).toContainText('more instances');
  await expect(app.getByTestId('workload-Clinical data platform')).toContainText('Within tolerance');
  // the client also runs a workload on AWS: its split sits beside Microsoft's
  await expect(app.getByTestId('other-provider-aws')).toContainText('Amazon Web Services');
  await expect(app.getByTestId('commitment-support-plans')).toContainText('Professional Direct');
  await app.screenshot({ path: 'test-results/screens/provider-commitments.png', fullPage: true });
  await expectAccessible(app, 'provider commitments');
});
