import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
import { database, isGraphSnapshot, type AssessmentRecord } from '../../db/database';
import { activeGraphOf, listSnapshots } from '../../db/inventory-repository';
import { AzureConnectPanel } from './azure/AzureConnectPanel';
import { BreakGlassPanel } from './graph/BreakGlassPanel';
import { GraphSnapshotDetail } from './graph/GraphSnapshotDetail';
import { ImportInventory } from './ImportInventory';
import { ResourceBrowser } from './ResourceBrowser';
import { SnapshotList } from './SnapshotList';

const useStyles = makeStyles({ section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

export function InventoryScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const snapshots = useLiveQuery(() => listSnapshots(database(), assessment.id), [assessment.id]);
  const [chosen, setChosen] = useState<string | null>(null);
  // shown first: the newest Resource Graph snapshot (the Graph one has its own section when picked)
  const snapshot = snapshots?.find((s) => s.id === chosen) ?? snapshots?.find((s) => !isGraphSnapshot(s)) ?? snapshots?.[0];
  // a Graph snapshot read from a bundle has findings but no objects (bundles leave them out)
  const hasRows = snapshot !== undefined && (!isGraphSnapshot(snapshot) || (snapshot.graph?.collections.length ?? 0) > 0);
  return (
    <section className={styles.section} aria-labelledby="inventory-title">
      <ScreenHeader
        id="inventory-title"
        title="Inventory"
        description="Snapshots of the client's Azure estate (Resource Graph) and identity settings (Microsoft Graph), and the checks that fail on them. The register follows the newest of each."
      />
      <ImportInventory assessment={assessment} onImported={setChosen} />
      <AzureConnectPanel assessment={assessment} onSnapshot={setChosen} />
      <Title3 as="h3">Snapshots</Title3>
      {snapshots && snapshots.length > 0 ? (
        <SnapshotList snapshots={snapshots} selectedId={snapshot?.id ?? null} onSelect={setChosen} />
      ) : (
        <Text data-testid="no-snapshots">No inventory yet: import a file or connect to Azure.</Text>
      )}
      <BreakGlassPanel key={`break-glass-${assessment.id}`} assessment={assessment} graphSnapshot={snapshots && activeGraphOf(snapshots)} />
      {snapshot && isGraphSnapshot(snapshot) && <GraphSnapshotDetail key={`graph-${snapshot.id}`} snapshot={snapshot} />}
      {snapshot && hasRows && <ResourceBrowser key={snapshot.id} snapshot={snapshot} />}
    </section>
  );
}
