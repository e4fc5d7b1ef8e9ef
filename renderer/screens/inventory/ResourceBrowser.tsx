import { Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { ResetColumnWidths } from '../../components/ResetColumnWidths';
import { SplitView } from '../../components/SplitView';
import { database, type ResourceRecord, type SnapshotRecord } from '../../db/database';
import { facetsOf, filterResources, NO_RESOURCE_FILTER, readResources, type ResourceFilter } from '../../db/inventory-repository';
import { ResourceFindings } from './ResourceFindings';
import { ResourceTable } from './ResourceTable';
import { modelLabel } from '../../content/vocabulary-labels';
import { subscriptionName } from './resource-labels';
import { subscriptionNamesOf, useRoleAssignments } from './use-role-assignments';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  select: { minWidth: '180px' },
});

function FilterSelect({
  label,
  value,
  options,
  onChange,
  testId,
  labelOf = (o) => o,
}: {
  label: string;
  value: string | null;
  options: string[];
  onChange: (v: string | null) => void;
  testId: string;
  labelOf?: (option: string) => string;
}) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.select}>
      <Select value={value ?? ''} onChange={(_e, d) => onChange(d.value || null)} data-testid={testId}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * Filters, the virtual resource table and the findings of the selected resource. Only the
 * resources' columns are read (a few MB for 50,000); raw rows and findings come per resource.
 */
export function ResourceBrowser({ snapshot }: { snapshot: SnapshotRecord }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<ResourceFilter>(NO_RESOURCE_FILTER);
  const [selected, setSelected] = useState<ResourceRecord | null>(null);
  const resources = useLiveQuery(() => readResources(database(), snapshot.id), [snapshot.id, snapshot.findingCount, snapshot.resourceCount]);
  const roleAssignments = useRoleAssignments(snapshot.id, resources);
  const subscriptionNames = useMemo(() => subscriptionNamesOf(resources ?? []), [resources]);
  const subscriptionLabel = useCallback((id: string) => subscriptionName(subscriptionNames, id), [subscriptionNames]);
  const facets = useMemo(() => facetsOf(resources ?? []), [resources]);
  const shown = useMemo(() => (resources ? filterResources(resources, filter) : undefined), [resources, filter]);
  const row = useCallback((index: number) => shown?.[index], [shown]);
  const ensureRoles = roleAssignments.ensure;
  const ensure = useCallback((first: number, last: number) => ensureRoles(shown?.slice(first, last + 1) ?? []), [shown, ensureRoles]);
  const set = (change: Partial<ResourceFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <>
      <div className={styles.filters} role="search" aria-label="Filter resources">
        <Field label="Search name or id">
          <Input value={filter.text} onChange={(_e, d) => set({ text: d.value })} data-testid="resource-search" />
        </Field>
        <FilterSelect label="Type" value={filter.type} options={facets.types} onChange={(type) => set({ type })} testId="filter-type" />
        <FilterSelect
          label="Subscription"
          value={filter.subscriptionId}
          options={facets.subscriptions}
          onChange={(subscriptionId) => set({ subscriptionId })}
          testId="filter-subscription"
          labelOf={subscriptionLabel}
        />
        <FilterSelect label="Service model" value={filter.serviceModel} options={facets.models} onChange={(serviceModel) => set({ serviceModel })} testId="filter-model" labelOf={modelLabel} />
        <FilterSelect label="Failing check" value={filter.failingCheck} options={facets.checks} onChange={(failingCheck) => set({ failingCheck })} testId="filter-check" />
        <Text data-testid="resource-count">{shown === undefined ? 'Counting…' : `${shown.length.toLocaleString()} resources`}</Text>
        <ResetColumnWidths table="resources" />
      </div>
      {!selected && <Text>Select a resource to see its findings and the evidence values.</Text>}
      <SplitView
        screen="inventory"
        main={<ResourceTable count={shown?.length ?? 0} row={row} ensure={ensure} selectedKey={selected?.key ?? null} onSelect={setSelected} roleAssignments={roleAssignments.views} subscriptionNames={subscriptionNames} />}
        detail={selected ? <ResourceFindings resource={selected} roleAssignment={roleAssignments.views.get(selected.key)} /> : null}
        detailTitle={selected ? selected.name : ''}
        onCloseDetail={() => setSelected(null)}
      />
    </>
  );
}
