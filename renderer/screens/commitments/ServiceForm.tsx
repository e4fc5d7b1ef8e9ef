import { Button, Combobox, Field, Input, Option, Select, Tag, TagGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { BusinessServiceSchema, type BusinessService } from '../../../core/bundle/schema';
import { criticalityLabel } from '../../content/vocabulary-labels';
import { BusinessServiceInputError, type BusinessServiceInput } from '../../db/business-services-repository';
import type { CommitmentsView } from '../../workers/commitments-protocol';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingVerticalM,
    alignItems: 'start',
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The form's own copy of a service: numbers as typed, so a half-typed figure is not lost. */
export interface ServiceDraft {
  name: string;
  description: string;
  criticality: '' | NonNullable<BusinessService['criticality']>;
  rtoMinutes: string;
  toleratedDowntime: string;
  resourceIds: string[];
  resourceGroups: string[];
  basis: string;
}

export const EMPTY_DRAFT: ServiceDraft = { name: '', description: '', criticality: '', rtoMinutes: '', toleratedDowntime: '', resourceIds: [], resourceGroups: [], basis: 'consultant' };

export function draftOf(s: BusinessService): ServiceDraft {
  return {
    name: s.name,
    description: s.description ?? '',
    criticality: s.criticality ?? '',
    rtoMinutes: s.rtoMinutes === undefined ? '' : String(s.rtoMinutes),
    toleratedDowntime: s.toleratedDowntimeMinutesPerMonth === undefined ? '' : String(s.toleratedDowntimeMinutesPerMonth),
    resourceIds: [...s.resourceIds],
    resourceGroups: [...s.resourceGroups],
    basis: s.basis ?? 'consultant',
  };
}

/** A typed figure as a number; '' is "not set"; anything else that is not a number is refused by name. */
function minutes(text: string, field: string, errors: Record<string, string>): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(n)) errors[field] = 'Enter a number of minutes.';
  return n;
}

/** The draft as repository input; numbers that are not numbers are reported against their field. */
export function inputOf(d: ServiceDraft): BusinessServiceInput {
  const errors: Record<string, string> = {};
  const input: BusinessServiceInput = { name: d.name, resourceIds: d.resourceIds, resourceGroups: d.resourceGroups, basis: d.basis };
  if (d.description.trim()) input.description = d.description.trim();
  if (d.criticality) input.criticality = d.criticality;
  const rto = minutes(d.rtoMinutes, 'rtoMinutes', errors);
  if (rto !== undefined) input.rtoMinutes = rto;
  const tolerated = minutes(d.toleratedDowntime, 'toleratedDowntimeMinutesPerMonth', errors);
  if (tolerated !== undefined) input.toleratedDowntimeMinutesPerMonth = tolerated;
  if (Object.keys(errors).length > 0) throw new BusinessServiceInputError(errors);
  return input;
}

const CRITICALITIES = BusinessServiceSchema.shape.criticality.unwrap().options;
const MAX_OPTIONS = 50;

/** Picks resources by typing part of their name: the first matches are offered, the chosen ones shown as removable tags. */
function ResourcePicker({ view, selected, onChange }: { view: CommitmentsView; selected: string[]; onChange: (ids: string[]) => void }) {
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(view.resources.map((r) => [r.id.toLowerCase(), r])), [view.resources]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return view.resources.filter((r) => !q || r.name.toLowerCase().includes(q) || r.type.includes(q)).slice(0, MAX_OPTIONS);
  }, [query, view.resources]);
  return (
    <>
      <Combobox
        multiselect
        freeform
        placeholder="Type part of a resource name"
        value={query}
        selectedOptions={selected}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_e, d) => {
          onChange(d.selectedOptions);
          setQuery('');
        }}
        data-testid="service-resource-picker"
      >
        {matches.map((r) => (
          <Option key={r.id} value={r.id} text={r.name}>
            {`${r.name} (${r.type.split('/').pop()}, ${r.group.split('/')[1]})`}
          </Option>
        ))}
      </Combobox>
      {selected.length > 0 && (
        <TagGroup aria-label="Resources in this service" onDismiss={(_e, d) => onChange(selected.filter((id) => id !== d.value))}>
          {selected.map((id) => (
            <Tag key={id} value={id} dismissible dismissIcon={{ 'aria-label': `Remove ${byId.get(id.toLowerCase())?.name ?? id}` }}>
              {byId.get(id.toLowerCase())?.name ?? `${id.split('/').pop()} (not in this snapshot)`}
            </Tag>
          ))}
        </TagGroup>
      )}
    </>
  );
}

function GroupPicker({ view, selected, onChange }: { view: CommitmentsView; selected: string[]; onChange: (keys: string[]) => void }) {
  const label = (key: string) => {
    const g = view.groups.find((x) => x.key === key.toLowerCase());
    return g ? `${g.name} (${key.split('/')[0]!.slice(0, 8)}…)` : `${key} (not in this snapshot)`;
  };
  return (
    <Combobox
      multiselect
      placeholder="Choose resource groups"
      selectedOptions={selected}
      value={selected.map(label).join(', ')}
      onOptionSelect={(_e, d) => onChange(d.selectedOptions)}
      data-testid="service-group-picker"
    >
      {view.groups.map((g) => (
        <Option key={g.key} value={g.key} text={g.name}>
          {label(g.key)}
        </Option>
      ))}
    </Combobox>
  );
}

/** The input field each draft field is checked as. */
const FIELD_OF: Record<keyof ServiceDraft, string> = {
  name: 'name',
  description: 'description',
  criticality: 'criticality',
  rtoMinutes: 'rtoMinutes',
  toleratedDowntime: 'toleratedDowntimeMinutesPerMonth',
  resourceIds: 'resourceIds',
  resourceGroups: 'resourceGroups',
  basis: 'basis',
};

export interface ServiceFormProps {
  title: string;
  initial: ServiceDraft;
  view: CommitmentsView;
  onSave: (draft: ServiceDraft) => Promise<void>;
  onCancel: () => void;
}

/** Create or edit one business service: what it is, how much downtime it tolerates, which resources it needs. */
export function ServiceForm({ title, initial, view, onSave, onCancel }: ServiceFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof ServiceDraft>(key: K, value: ServiceDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // a field's message goes once the consultant changes it; the next save checks again
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => field !== FIELD_OF[key])));
  };
  const err = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});
  const save = async () => {
    try {
      await onSave(draft);
    } catch (e) {
      if (e instanceof BusinessServiceInputError) setErrors(e.fields);
      else setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form
      className={styles.form}
      aria-label={title}
      data-testid="service-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      // Escape leaves the form, unless it is closing a picker's list
      onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLElement).getAttribute('role') !== 'combobox' && onCancel()}
    >
      <Text weight="semibold" className={styles.wide}>
        {title}
      </Text>
      <Field label="Name" required {...err('name')}>
        <Input value={draft.name} onChange={(_e, d) => set('name', d.value)} data-testid="service-name" autoFocus />
      </Field>
      <Field label="Criticality" hint="Read through the pack's tolerance table when no figure below is set." {...err('criticality')}>
        <Select value={draft.criticality} onChange={(_e, d) => set('criticality', d.value as ServiceDraft['criticality'])} data-testid="service-criticality">
          <option value="">Not set</option>
          {CRITICALITIES.map((c) => (
            <option key={c} value={c}>
              {criticalityLabel(c)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Recovery time objective (minutes)" hint="Used when no tolerated downtime is set." {...err('rtoMinutes')}>
        <Input inputMode="numeric" value={draft.rtoMinutes} onChange={(_e, d) => set('rtoMinutes', d.value)} data-testid="service-rto" />
      </Field>
      <Field label="Tolerated downtime a month (minutes)" hint="Compared with the composite SLA first." {...err('toleratedDowntimeMinutesPerMonth')}>
        <Input inputMode="decimal" value={draft.toleratedDowntime} onChange={(_e, d) => set('toleratedDowntime', d.value)} data-testid="service-tolerated" />
      </Field>
      <Field label="Description" className={styles.wide} {...err('description')}>
        <Textarea value={draft.description} onChange={(_e, d) => set('description', d.value)} rows={2} resize="vertical" data-testid="service-description" />
      </Field>
      <Field label="Whole resource groups" className={styles.wide} hint="Every resource of the group belongs to the service, including ones added later." {...err('resourceGroups')}>
        <GroupPicker view={view} selected={draft.resourceGroups} onChange={(v) => set('resourceGroups', v)} />
      </Field>
      <Field label="Resources" className={styles.wide} {...err('resourceIds')}>
        <ResourcePicker view={view} selected={draft.resourceIds} onChange={(v) => set('resourceIds', v)} />
      </Field>
      {failure && (
        <Text role="alert" className={styles.wide}>
          {failure}
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" data-testid="service-save">
          Save service
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
