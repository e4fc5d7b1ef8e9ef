import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { isGraphSnapshot, type SnapshotRecord } from '../../db/database';
import { formatDate } from '../assessments/messages';
import { tenantLabel } from './resource-labels';

const SOURCE: Record<SnapshotRecord['source'], string> = {
  file: 'File',
  azure: 'Azure pull',
  bundle: 'Bundle',
  demo: 'Demo',
  'graph-pull': 'Microsoft Graph pull',
  'graph-import': 'Microsoft Graph import',
};

/** Resource Graph: the subscriptions and management groups; Microsoft Graph: the tenant. */
function scopeOf(s: SnapshotRecord): string {
  if (s.graph) return `tenant ${tenantLabel(s.graph)}`;
  return `${s.subscriptions.length} subscription(s)${s.managementGroups.length > 0 ? `, ${s.managementGroups.length} management group(s)` : ''}`;
}

/** Graph snapshots: how many collections Graph refused, with its reasons in the tooltip. */
function GapBadge({ s }: { s: SnapshotRecord }) {
  const gaps = s.graph?.gaps ?? [];
  if (gaps.length === 0) return null;
  return (
    <Badge color="warning" appearance="tint" title={gaps.map((g) => `${g.collection}: ${g.kind}, HTTP ${g.httpStatus ?? '-'} ${g.code}: ${g.message}`).join('\n')} data-testid="snapshot-gaps">
      {gaps.length} gap(s)
    </Badge>
  );
}
const STATUS_COLOR = { complete: 'success', partial: 'warning', cancelled: 'danger', 'in-progress': 'informative' } as const;

/** Every snapshot of the assessment; earlier ones stay as they were taken. */
export function SnapshotList({ snapshots, selectedId, onSelect }: { snapshots: SnapshotRecord[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
    <Table aria-label="Inventory snapshots" size="small" data-testid="snapshot-list">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Source</TableHeaderCell>
          <TableHeaderCell>Taken</TableHeaderCell>
          <TableHeaderCell>Scope</TableHeaderCell>
          <TableHeaderCell>Resources / objects</TableHeaderCell>
          <TableHeaderCell>Failing</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">Show</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {snapshots.map((s) => (
          <TableRow key={s.id} aria-selected={s.id === selectedId} data-testid="snapshot-row" data-source={isGraphSnapshot(s) ? 'microsoft-graph' : 'resource-graph'}>
            <TableCell>
              {SOURCE[s.source]}: {s.label}
            </TableCell>
            <TableCell>{formatDate(s.takenAt)}</TableCell>
            <TableCell data-testid="snapshot-scope">{scopeOf(s)}</TableCell>
            <TableCell data-testid="snapshot-resources">{s.resourceCount.toLocaleString()}</TableCell>
            <TableCell>{s.failingCount.toLocaleString()}</TableCell>
            <TableCell>
              <Badge color={STATUS_COLOR[s.status]} title={s.errors.map((e) => `${e.scope}: ${e.message}`).join('\n') || undefined}>
                {s.status}
              </Badge>{' '}
              <GapBadge s={s} />
            </TableCell>
            <TableCell>
              <Button size="small" appearance={s.id === selectedId ? 'primary' : 'secondary'} onClick={() => onSelect(s.id)} aria-label={`${s.id === selectedId ? "Shown" : "Show"} snapshot ${s.label}`}>
                {s.id === selectedId ? 'Shown' : 'Show'}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
