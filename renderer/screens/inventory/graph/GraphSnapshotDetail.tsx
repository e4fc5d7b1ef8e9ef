import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { database, type FindingRecord, type SnapshotRecord } from '../../../db/database';
import { readFindings } from '../../../db/inventory-repository';
import { useContentPack } from '../../../hooks/use-content-pack';
import { tenantLabel } from '../resource-labels';
import { severityLabel } from '../../../content/vocabulary-labels';

const useStyles = makeStyles({ block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

const SEVERITY_COLOR = { critical: 'danger', high: 'severe', medium: 'warning', low: 'informative' } as const;

function GapTable({ snapshot }: { snapshot: SnapshotRecord }) {
  const gaps = snapshot.graph?.gaps ?? [];
  if (gaps.length === 0) return <Text data-testid="graph-no-gaps">Every collection was read: no gaps.</Text>;
  return (
    <Table size="extra-small" aria-label="Collections Microsoft Graph refused" data-testid="graph-gaps">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Collection</TableHeaderCell>
          <TableHeaderCell>Gap</TableHeaderCell>
          <TableHeaderCell>Graph’s answer</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {gaps.map((g) => (
          <TableRow key={g.collection} data-testid="graph-gap" data-collection={g.collection}>
            <TableCell>{g.collection}</TableCell>
            <TableCell>{g.kind}</TableCell>
            <TableCell>
              HTTP {g.httpStatus ?? '-'} {g.code}: {g.message}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function NotAssessed({ snapshot, titles }: { snapshot: SnapshotRecord; titles: (checkId: string) => string }) {
  const list = snapshot.graph?.notAssessed ?? [];
  if (list.length === 0) return null;
  return (
    <>
      <Text weight="semibold">Not assessed (the interview answer stays the evidence)</Text>
      <ul data-testid="graph-not-assessed">
        {list.map((n) => (
          <li key={n.checkId}>
            {n.checkId} {titles(n.checkId)}: {n.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

function FailingFindings({ findings }: { findings: FindingRecord[] }) {
  const failing = findings.filter((f) => f.status === 'fail');
  if (failing.length === 0) return <Text>No Graph check fails on this snapshot.</Text>;
  return (
    <Table size="extra-small" aria-label="Failing Graph checks" data-testid="graph-findings">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Check</TableHeaderCell>
          <TableHeaderCell>Object</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Severity</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {failing.map((f, i) => (
          <TableRow key={`${f.checkId}|${f.resourceKey}|${i}`} data-testid="graph-finding" data-check={f.checkId}>
            <TableCell>
              {f.checkId} {f.title}
            </TableCell>
            <TableCell>{f.resourceName}</TableCell>
            <TableCell>{f.resourceType}</TableCell>
            <TableCell>
              <Badge color={SEVERITY_COLOR[f.severity as keyof typeof SEVERITY_COLOR] ?? 'informative'}>{severityLabel(f.severity)}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A Microsoft Graph snapshot: its tenant, the collections Graph refused and why, checks not assessed, failing checks. */
export function GraphSnapshotDetail({ snapshot }: { snapshot: SnapshotRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const findings = useLiveQuery(() => readFindings(database(), snapshot.id), [snapshot.id, snapshot.findingCount]);
  const titles = (checkId: string) => pack.checks.find((c) => c.id === checkId)?.title ?? '';
  return (
    <section className={styles.block} aria-label="Microsoft Graph snapshot" data-testid="graph-snapshot-detail">
      <Title3 as="h3">Microsoft Entra ID and Microsoft 365</Title3>
      <Text data-testid="graph-snapshot-tenant">
        Tenant {snapshot.graph ? tenantLabel(snapshot.graph) : 'unknown'}
        {snapshot.graph?.cloud ? ` (${snapshot.graph.cloud} cloud)` : ''}: {snapshot.resourceCount.toLocaleString()} object(s), {snapshot.findingCount} finding(s),{' '}
        {snapshot.failingCount} object(s) failing.
      </Text>
      <GapTable snapshot={snapshot} />
      <NotAssessed snapshot={snapshot} titles={titles} />
      {findings && <FailingFindings findings={findings} />}
    </section>
  );
}
