/**
 * Microsoft Graph snapshots in the app's bundle mapping: a Graph snapshot stored in the app
 * (record, objects as rows, findings) goes out as a `graph-pull` / `graph-import` snapshot
 * with its tenant, gaps and checks not assessed and its findings naming it, without its
 * objects; it comes back with the same findings and gaps, and the next export is the same.
 */
import { describe, expect, it } from 'vitest';
import { parseBundle, type AssessmentBundle } from '../../../../core/bundle/schema';
import { bundleToDump, dumpToBundle, type AssessmentDump } from '../../../../renderer/bundle/bundle-mapping';
import { graphCheckRun, graphResources, graphSnapshotRecord } from '../../../../renderer/bundle/graph-snapshots';
import { buildChunks, findingRecords, recordsOfIndex } from '../../../../renderer/db/inventory-repository';
import { byId } from '../../../fixtures/graph/fail-variants';
import { ADMIN1, licenceGap, snapshotOf, wellConfiguredTenant } from '../../../fixtures/graph/tenant';
import { loadDemo } from '../../core/report/helpers';

const { bundle: demo, pack } = loadDemo();

/** A Graph import made in the app after the demo's pull: one administrator without MFA, PIM a licence gap. */
function withImportedGraphSnapshot(dump: AssessmentDump): AssessmentDump {
  const data = wellConfiguredTenant();
  Object.assign(byId(data, 'userRegistrationDetails', ADMIN1), { isMfaRegistered: false, isMfaCapable: false, methodsRegistered: [] });
  const pulled = snapshotOf(data, [licenceGap('roleAssignmentSchedules')]);
  const snapshot = { ...pulled, demarcGraphSnapshot: { ...pulled.demarcGraphSnapshot, source: 'import' as const, capturedAt: '2026-11-25T08:00:00.000Z' } };
  const run = graphCheckRun(snapshot, pack, dump.assessment.matrixId);
  const id = 'graph-import-1';
  const findings = findingRecords(id, run.findings);
  const chunks = buildChunks(id, graphResources(snapshot), 0, findings);
  return {
    ...dump,
    snapshots: [...dump.snapshots, graphSnapshotRecord({ id, assessmentId: dump.assessment.id, snapshot, run, label: '14 Graph files' })],
    resources: [...dump.resources, ...recordsOfIndex(chunks.index)],
    chunks: [...dump.chunks, ...chunks.raw],
    findings: [...dump.findings, ...findings],
  };
}

const sortFindings = <T extends { checkId: string; resourceId: string; status: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => `${a.checkId}|${a.resourceId}|${a.status}`.localeCompare(`${b.checkId}|${b.resourceId}|${b.status}`));

const findingsOf = (dump: AssessmentDump, snapshotId: string) => sortFindings(dump.findings.filter((f) => f.snapshotId === snapshotId));

describe('Graph snapshots: bundle export → import', () => {
  const dump = withImportedGraphSnapshot(bundleToDump(demo, pack));
  const exported = dumpToBundle(dump, demo.exportedAt);
  const back = bundleToDump(exported, pack);

  it('reads the demo Graph pull: a licence gap, GR-08 not assessed, GR-01 failing on named administrators', () => {
    const graph = bundleToDump(demo, pack).snapshots.find((s) => s.source === 'graph-pull')!;
    expect(graph.graph?.gaps.map((g) => [g.collection, g.kind, g.httpStatus, g.code])).toContainEqual(['roleAssignmentSchedules', 'licence', 400, 'AadPremiumLicenseRequired']);
    expect(graph.graph?.notAssessed.map((n) => n.checkId)).toEqual(['GR-08']);
    expect(graph.failingCount).toBeGreaterThan(0);
  });

  it('exports a valid bundle: Graph sources, tenant, gaps and checks not assessed kept; no Graph objects', () => {
    expect(parseBundle(exported).ok).toBe(true);
    const graph = exported.inventory.snapshots.filter((s) => s.source === 'graph-pull' || s.source === 'graph-import');
    expect(graph.map((s) => s.source).sort()).toEqual(['graph-import', 'graph-pull']);
    const imported = graph.find((s) => s.id === 'graph-import-1')!;
    expect(imported).toMatchObject({ tenantId: '11111111-2222-3333-4444-555555555555', fileName: '14 Graph files' });
    // GR-08 for the licence gap (with Graph's answer); GR-09 because no break-glass account is named in the app
    expect(imported.notAssessed?.map((n) => n.checkId)).toEqual(['GR-08', 'GR-09']);
    expect(imported.notAssessed?.[0]?.reason).toContain('AadPremiumLicenseRequired');
    expect(imported.gaps).toEqual([licenceGap('roleAssignmentSchedules')]);
    const graphIds = new Set(graph.map((s) => s.id));
    expect(exported.inventory.resources.filter((r) => graphIds.has(r.snapshotId))).toEqual([]);
    expect(exported.inventory.findings.filter((f) => f.snapshotId === 'graph-import-1').some((f) => f.checkId === 'GR-01' && f.resourceId === ADMIN1 && f.status === 'fail')).toBe(true);
  });

  it('imports each Graph snapshot with its own findings, gaps and checks not assessed', () => {
    for (const s of dump.snapshots.filter((x) => x.graph)) {
      const again = back.snapshots.find((x) => x.id === s.id)!;
      expect(again.source).toBe(s.source);
      expect(again.graph?.gaps).toEqual(s.graph?.gaps);
      expect(again.graph?.notAssessed).toEqual(s.graph?.notAssessed);
      expect(again.graph?.tenantId).toBe(s.graph?.tenantId);
      expect(findingsOf(back, s.id)).toEqual(findingsOf(dump, s.id));
      expect([again.findingCount, again.failingCount]).toEqual([s.findingCount, s.failingCount]);
    }
  });

  it('exports the imported copy again unchanged', () => {
    expect(dumpToBundle(back, demo.exportedAt)).toEqual(exported);
  });

  it('keeps Resource Graph findings recomputed and apart from Graph ones', () => {
    const arg = dump.snapshots.find((s) => !s.graph)!;
    expect(findingsOf(back, arg.id).every((f) => !f.checkId.startsWith('GR-'))).toBe(true);
    expect(findingsOf(back, arg.id)).toEqual(findingsOf(dump, arg.id));
  });

  it('gives Graph findings that name no snapshot (demarc assess bundles) to the newest Graph snapshot', () => {
    const unnamed: AssessmentBundle = { ...exported, inventory: { ...exported.inventory, findings: exported.inventory.findings.filter((f) => f.snapshotId !== 'graph-import-1').map(({ snapshotId: _s, ...f }) => f) } };
    const read = bundleToDump(unnamed, pack);
    const demoPull = demo.inventory.snapshots.find((s) => s.source === 'graph-pull')!.id;
    expect(read.findings.filter((f) => f.snapshotId === demoPull)).toEqual([]);
    expect(findingsOf(read, 'graph-import-1').map((f) => f.checkId)).toEqual(findingsOf(back, demoPull).map((f) => f.checkId));
  });
});
