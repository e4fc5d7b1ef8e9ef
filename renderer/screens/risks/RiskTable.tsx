import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useCallback, useMemo } from 'react';
import type { RiskMatrix } from '../../../core/content/schemas';
import { VirtualGrid } from '../../components/VirtualGrid';
import type { RiskRowRecord } from '../../db/database';
import { useUiStore } from '../../stores/ui-store';
import { RISK_COLUMNS, type RiskCellContext, type RiskColumn } from './risk-columns';

const useStyles = makeStyles({
  // fills the pane it is given (see SplitView), never shorter than a dozen rows
  scroller: { height: '100%', minHeight: '420px', boxSizing: 'border-box' },
  sort: { fontWeight: tokens.fontWeightSemibold, justifyContent: 'flex-start', paddingInline: tokens.spacingHorizontalS, minWidth: 0, width: '100%', overflow: 'hidden', whiteSpace: 'nowrap' },
});

/** The register as a virtual table with sortable, resizable columns and whole (wrapped) titles. */
export function RiskTable({ risks, matrix }: { risks: RiskRowRecord[]; matrix: RiskMatrix }) {
  const styles = useStyles();
  const sort = useUiStore((s) => s.riskSort);
  const setSort = useUiStore((s) => s.setRiskSort);
  const selectedId = useUiStore((s) => s.selectedRiskId);
  const select = useUiStore((s) => s.selectRisk);
  const context = useMemo((): RiskCellContext => ({ matrix, select }), [matrix, select]);
  const row = useCallback((i: number) => risks[i], [risks]);
  const rowKey = useCallback((i: number) => risks[i]?.id ?? i, [risks]);
  const header = (c: RiskColumn) => {
    const key = c.sort;
    if (!key) return c.label;
    const icon = sort.key === key ? sort.descending ? <ArrowSortDownRegular /> : <ArrowSortUpRegular /> : undefined;
    return (
      <Button appearance="transparent" size="small" className={styles.sort} onClick={() => setSort(key)} icon={icon} iconPosition="after" data-testid={`sort-${key}`}>
        {c.label}
      </Button>
    );
  };
  return (
    <VirtualGrid
      table="risks"
      label="Risk register"
      testId="risk-table"
      rowTestId="risk-row"
      className={styles.scroller}
      columns={RISK_COLUMNS}
      context={context}
      count={risks.length}
      row={row}
      rowKey={rowKey}
      rowAttributes={(r) => ({ selected: r.id === selectedId, data: { 'data-risk-id': r.id } })}
      header={header}
      headerSort={(c) => (c.sort === undefined ? undefined : sort.key === c.sort ? (sort.descending ? 'descending' : 'ascending') : 'none')}
      overscan={12}
    />
  );
}
