import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles, repoRoot } from '../../../../node/read-pack-files';
import { loadPack } from '../../../../core/content/loader';
import { bundleToDump, dumpToBundle } from '../../../../renderer/bundle/bundle-mapping';
import { validateBundleText } from '../../../../renderer/bundle/validate-bundle';

// The app's import path (validate, then map to rows) on a bundle exported before templates were merged.
describe('importing a bundle from before the template merge (app path)', () => {
  const { pack } = loadPack(readPackFiles(defaultPackDir));
  const text = readFileSync(join(repoRoot, 'test/fixtures/bundles/contoso-demo-v1-before-merge.demarc.json'), 'utf8');
  const result = validateBundleText(text, pack);

  it('validates, with every risk under a live template and the known pairs merged', () => {
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    for (const r of result.bundle.risks) expect(pack.riskTemplates.has(r.templateId), r.templateId).toBe(true);
    const nwMgmt = result.bundle.risks.filter((r) => r.templateId === 'RT-NW-MGMT-EXPOSED');
    expect(nwMgmt.map((r) => [r.id, r.formerIds])).toEqual([['R-003', ['R-004']]]);
  });

  it('maps migrated risks to derived rows (not hand-added ones) and exports their former ids', () => {
    if (!result.ok) throw new Error('invalid');
    const dump = bundleToDump(result.bundle, pack);
    expect(dump.risks.filter((r) => r.origin === 'manual')).toEqual([]);
    const exported = dumpToBundle(dump, result.bundle.exportedAt);
    expect(exported.risks.find((r) => r.id === 'R-003')?.formerIds).toEqual(['R-004']);
  });
});
