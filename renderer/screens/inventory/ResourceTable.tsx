import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { GridColumn } from '../../components/grid-columns';
import { useVirtualTableStyles } from '../../components/virtual-table-styles';
import { VirtualGrid } from '../../components/VirtualGrid';
import type { ResourceRecord } from '../../db/database';
import { modelLabel } from '../../content/vocabulary-labels';
import { subscriptionName } from './resource-labels';
import { roleAssignmentSummary, type RoleAssignmentView } from './role-assignments';

const useStyles = makeStyles({
  scroller: { height: '100%', minHeight: '420px', boxSizing: 'border-box' },
  failing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  assignment: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  caption: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** What the resource cells need besides their resource. */
interface ResourceCellContext {
  onSelect: (resource: ResourceRecord) => void;
  /** role assignments in words, by lower-cased id */
  roleAssignments: ReadonlyMap<string, RoleAssignmentView>;
  /** display names of the inventory's subscriptions, by lower-cased id */
  subscriptionNames: ReadonlyMap<string, string>;
}

/** The name cell: the resource's name, or for a role assignment its role, principal type and scope. */
function NameCell({ resource, context }: { resource: ResourceRecord; context: ResourceCellContext }) {
  const styles = useStyles();
  const table = useVirtualTableStyles();
  const view = context.roleAssignments.get(resource.key);
  const open = () => context.onSelect(resource);
  if (!view) {
    return (
      <Button appearance="transparent" size="small" className={table.cellButton} onClick={open} title={resource.id} data-testid="resource-name">
        {resource.name}
      </Button>
    );
  }
  return (
    <div className={styles.assignment} data-testid="role-assignment" data-role={view.role} data-principal-type={view.principalType} data-scope-kind={view.scopeKind}>
      <Button appearance="transparent" size="small" className={table.cellButton} onClick={open} title={`${roleAssignmentSummary(view)}\n${resource.id}`} data-testid="resource-name">
        {view.role}
      </Button>
      <Text size={200} className={styles.caption} data-testid="role-assignment-detail">
        {view.principalType} · {view.scope}
      </Text>
    </div>
  );
}

/** A resource type with line-break chances after its slashes (`microsoft.authorization/` `roleassignments`). */
function TypeCell({ type }: { type: string }) {
  const parts = type.split('/');
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </span>
  ));
}

function FailingCell({ resource }: { resource: ResourceRecord }) {
  const styles = useStyles();
  return <span className={resource.failing > 0 ? styles.failing : undefined}>{resource.failing}</span>;
}

/**
 * The inventory table's columns, in order: one entry per column. Default widths fit beside the
 * findings pane at 38% in a 1600-pixel window; without it the Name column takes the rest.
 */
const RESOURCE_COLUMNS: readonly GridColumn<ResourceRecord, ResourceCellContext>[] = [
  { id: 'name', label: 'Name', width: 220, minWidth: 140, fill: true, wrap: true, render: (r, c) => <NameCell resource={r} context={c} /> },
  { id: 'type', label: 'Type', width: 200, minWidth: 96, wrap: true, title: (r) => r.type, render: (r) => <TypeCell type={r.type} /> },
  // named as the client knows it; the id (all of an unnamed one's) in the tooltip
  {
    id: 'subscription',
    label: 'Subscription',
    width: 120,
    minWidth: 80,
    testId: 'resource-subscription',
    title: (r) => r.subscriptionId,
    render: (r, c) => subscriptionName(c.subscriptionNames, r.subscriptionId),
  },
  { id: 'resource-group', label: 'Resource group', width: 128, minWidth: 80, wrap: true, title: (r) => r.resourceGroup, render: (r) => r.resourceGroup },
  { id: 'model', label: 'Model', width: 64, minWidth: 56, testId: 'resource-model', render: (r) => modelLabel(r.serviceModel) },
  { id: 'failing', label: 'Failing', width: 64, minWidth: 56, testId: 'resource-failing', render: (r) => <FailingCell resource={r} /> },
];

interface Props {
  count: number;
  row: (index: number) => ResourceRecord | undefined;
  ensure: (start: number, end: number) => void;
  selectedKey: string | null;
  onSelect: (resource: ResourceRecord) => void;
  roleAssignments: ReadonlyMap<string, RoleAssignmentView>;
  subscriptionNames: ReadonlyMap<string, string>;
}

/** The inventory as a virtual table: only the rows in view exist in the DOM. */
export function ResourceTable({ count, row, ensure, selectedKey, onSelect, roleAssignments, subscriptionNames }: Props) {
  const styles = useStyles();
  const rowKey = useCallback((i: number) => row(i)?.key ?? i, [row]);
  return (
    <VirtualGrid
      table="resources"
      label="Resources"
      testId="resource-table"
      rowTestId="resource-row"
      className={styles.scroller}
      columns={RESOURCE_COLUMNS}
      context={{ onSelect, roleAssignments, subscriptionNames }}
      count={count}
      row={row}
      rowKey={rowKey}
      rowAttributes={(r) => ({ selected: r.key === selectedKey })}
      onRange={ensure}
    />
  );
}
