/**
 * What the inventory worker re-checks when the named accounts change: a Graph snapshot rebuilt
 * from its stored record and rows gives the checks what the original gave them; a snapshot
 * read from a bundle (no objects) cannot be rebuilt.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../core/content/loader';
import { graphBundleSnapshot, graphCheckRun, graphRecordFromBundle, graphResources, graphSnapshotOfRecord, graphSnapshotRecord, namedAccountsOf } from '../../../../renderer/bundle/graph-snapshots';
import { byId } from '../../../fixtures/graph/fail-variants';
import { BG2, BREAK_GLASS_UPNS, licenceGap, snapshotOf, wellConfiguredTenant } from '../../../fixtures/graph/tenant';
import { engineFiles, playbookFiles } from '../../core/pack-helper';

const { pack } = loadPack([...engineFiles(), ...playbookFiles()]);
const settings = { breakGlassAccounts: BREAK_GLASS_UPNS };

describe('re-checking a stored Graph snapshot', () => {
  const data = wellConfiguredTenant();
  byId(data, 'users', BG2).onPremisesSyncEnabled = true;
  const snapshot = snapshotOf(data, [licenceGap('roleAssignmentSchedules')]);
  const record = graphSnapshotRecord({ id: 's1', assessmentId: 'a1', snapshot, run: graphCheckRun(snapshot, pack, 'jan-2026'), label: 'graph.json' });
  const rows = graphResources(snapshot).map((r) => r.raw);

  it('rebuilds the snapshot from the record and rows: the checks find the same with the same settings', () => {
    const rebuilt = graphSnapshotOfRecord(record, rows)!;
    expect(graphCheckRun(rebuilt, pack, 'jan-2026', settings)).toEqual(graphCheckRun(snapshot, pack, 'jan-2026', settings));
    expect(namedAccountsOf(rebuilt, settings)?.map((a) => [a.named, a.found, a.problems])).toEqual([
      [BREAK_GLASS_UPNS[0], true, []],
      [BREAK_GLASS_UPNS[1], true, ['synchronised from on-premises']],
    ]);
  });

  it('has no account status without names, and no snapshot to rebuild from a bundle', () => {
    expect(namedAccountsOf(snapshot, {})).toBeUndefined();
    const fromBundle = graphRecordFromBundle(graphBundleSnapshot(record), 'a2', []);
    expect(graphSnapshotOfRecord(fromBundle, [])).toBeNull();
  });
});
