import { expect, test } from './fixtures';
import { createAssessment, goTo } from './pages/workshop';

test('empty tour', async ({ app }) => {
  test.setTimeout(300_000);
  await app.setViewportSize({ width: 1600, height: 1000 });
  await goTo(app, 'assessments');
  await app.screenshot({ path: '/tmp/shots/empty/00-none.png' });
  await goTo(app, 'risks');
  await app.waitForTimeout(500);
  await app.screenshot({ path: '/tmp/shots/empty/00-risks-none.png' });
  await createAssessment(app, 'Fresh review', 'Fabrikam');
  for (const area of ['engagement', 'interview', 'inventory', 'risks', 'responsibility', 'commitments', 'heat-maps', 'incident-response', 'report']) {
    await goTo(app, area);
    await app.waitForTimeout(1500);
    await app.screenshot({ path: `/tmp/shots/empty/${area}.png` });
  }
});
