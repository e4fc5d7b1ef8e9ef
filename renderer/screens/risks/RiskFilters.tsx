import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ContentPack } from '../../../core/content/types';
import { EVIDENCE_STATUS_TEXT } from '../../../core/risks/evidence-status';
import { EvidenceStatusSchema } from '../../../core/risks/schema';
import { OWNERS, TREATMENTS } from '../../db/risks-repository';
import { useUiStore, NO_RISK_FILTER, type RiskFilter } from '../../stores/ui-store';
import { categoryLabel, ownerLabel, statusLabel, treatmentLabel } from '../../content/vocabulary-labels';

const useStyles = makeStyles({ bar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' }, select: { minWidth: '150px' } });

function FilterSelect({ label, field, options }: { label: string; field: Exclude<keyof RiskFilter, 'cell'>; options: { value: string; label: string }[] }) {
  const styles = useStyles();
  const value = useUiStore((s) => s.riskFilter[field]);
  const set = useUiStore((s) => s.setRiskFilter);
  return (
    <Field label={label} className={styles.select}>
      <Select value={value ?? ''} onChange={(_e, d) => set({ [field]: d.value || null })} data-testid={`risk-filter-${field}`}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const EVIDENCE_STATUSES = EvidenceStatusSchema.options;
const labelled = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));

/** Filter by owner, level, category, treatment and status; shows a heat-map cell filter. */
export function RiskFilters({ pack, shown, total }: { pack: ContentPack; shown: number; total: number }) {
  const styles = useStyles();
  const cell = useUiStore((s) => s.riskFilter.cell);
  const set = useUiStore((s) => s.setRiskFilter);
  const categories = [...new Set([...pack.riskTemplates.values()].map((t) => t.category))]
    .map((c) => ({ value: c, label: categoryLabel(c) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <div className={styles.bar} role="search" aria-label="Filter risks">
      <FilterSelect label="Owner" field="owner" options={labelled([...OWNERS, 'unknown'], ownerLabel)} />
      <FilterSelect label="Level" field="level" options={pack.riskMatrix.levels.map((l) => ({ value: l.id, label: l.label }))} />
      <FilterSelect label="Category" field="category" options={categories} />
      <FilterSelect label="Treatment" field="treatment" options={[...labelled(TREATMENTS, treatmentLabel), { value: 'none', label: 'Not decided' }]} />
      <FilterSelect label="Status" field="status" options={labelled(['open', 'closed'], statusLabel)} />
      <FilterSelect label="How known" field="known" options={EVIDENCE_STATUSES.map((s) => ({ value: s, label: EVIDENCE_STATUS_TEXT[s].label }))} />
      {cell && (
        <Button icon={<DismissRegular />} onClick={() => set({ cell: null })} data-testid="clear-cell-filter">
          {cell.kind} L{cell.likelihood} × I{cell.impact}
        </Button>
      )}
      <Button onClick={() => set(NO_RISK_FILTER)}>Reset filters</Button>
      <Text data-testid="risk-count">
        {shown.toLocaleString()} of {total.toLocaleString()} risks
      </Text>
    </div>
  );
}
