/**
 * The register's columns, in order: one entry per column. A new column (e.g. how a risk is
 * known) is one more entry here; `sort` makes it sortable when risk-view.ts can sort by it.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RiskMatrix } from '../../../core/content/schemas';
import type { GridColumn } from '../../components/grid-columns';
import { useVirtualTableStyles } from '../../components/virtual-table-styles';
import type { RiskRowRecord } from '../../db/database';
import type { RiskSortKey } from '../../stores/ui-store';
import { EVIDENCE_STATUS_TEXT } from '../../../core/risks/evidence-status';
import { categoryLabel, ownerLabel, statusLabel, treatmentLabel } from '../../content/vocabulary-labels';
import { knownOf, levelLabel } from './risk-view';

/** What the register's cells need besides their risk. */
export interface RiskCellContext {
  matrix: RiskMatrix;
  select: (riskId: string) => void;
}

export interface RiskColumn extends GridColumn<RiskRowRecord, RiskCellContext> {
  /** the sort key of a sortable column */
  sort?: RiskSortKey;
}

const useTitleStyles = makeStyles({
  // the label of a Fluent small button is 12px; a title is read, so it gets body size
  title: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

function RiskTitle({ risk, select }: { risk: RiskRowRecord; select: (id: string) => void }) {
  const styles = useTitleStyles();
  const table = useVirtualTableStyles();
  return (
    <Button appearance="transparent" size="small" className={mergeClasses(table.cellButton, styles.title)} onClick={() => select(risk.id)} title={risk.title} data-testid="risk-title">
      {risk.title}
    </Button>
  );
}

// Default widths fit the register beside a detail pane at 38% in a 1600-pixel window without a
// horizontal scroll bar; without the detail the Risk column takes the rest.
export const RISK_COLUMNS: readonly RiskColumn[] = [
  { id: 'id', label: 'ID', sort: 'id', width: 64, minWidth: 56, render: (r) => r.id },
  { id: 'title', label: 'Risk', sort: 'title', width: 160, minWidth: 140, fill: true, wrap: true, render: (r, c) => <RiskTitle risk={r} select={c.select} /> },
  { id: 'owner', label: 'Owner', sort: 'owner', width: 80, minWidth: 64, testId: 'risk-owner', render: (r) => `${ownerLabel(r.effectiveOwner)}${r.ownerOverridden ? ' *' : ''}` },
  { id: 'inherent', label: 'Inherent', sort: 'inherent', width: 76, minWidth: 64, testId: 'risk-inherent', render: (r, c) => levelLabel(c.matrix, r.inherentLevel) },
  { id: 'residual', label: 'Residual', sort: 'residual', width: 76, minWidth: 64, render: (r, c) => levelLabel(c.matrix, r.residual?.level) },
  { id: 'category', label: 'Category', sort: 'category', width: 112, minWidth: 64, wrap: true, testId: 'risk-domain', render: (r) => categoryLabel(r.category), title: (r) => categoryLabel(r.category) },
  { id: 'treatment', label: 'Treatment', sort: 'treatment', width: 84, minWidth: 64, render: (r) => (r.treatment ? treatmentLabel(r.treatment) : '—') },
  { id: 'status', label: 'Status', sort: 'status', width: 68, minWidth: 56, render: (r) => statusLabel(r.status) },
  {
    id: 'known',
    label: 'How known',
    sort: 'known',
    width: 100,
    minWidth: 96,
    testId: 'risk-known',
    render: (r) => {
      const known = knownOf(r);
      return known ? EVIDENCE_STATUS_TEXT[known].label : '—';
    },
    title: (r) => {
      const known = knownOf(r);
      return known ? EVIDENCE_STATUS_TEXT[known].meaning : undefined;
    },
  },
];
