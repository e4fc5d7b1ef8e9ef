import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { VIRTUAL_ROW_HEIGHT, useVirtualTableStyles } from '../../components/virtual-table-styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RiskMatrix } from '../../../core/content/schemas';
import type { RiskRowRecord } from '../../db/database';
import { useUiStore, type RiskSortKey } from '../../stores/ui-store';
import { EVIDENCE_STATUS_TEXT } from '../../../core/risks/evidence-status';
import { knownOf, levelLabel } from './risk-view';

const COLUMNS = '80px minmax(200px, 3fr) 100px 100px 100px 1fr 100px 80px 110px';

const useStyles = makeStyles({
  scroller: { height: '520px' },
  columns: { gridTemplateColumns: COLUMNS },
  sort: { fontWeight: tokens.fontWeightSemibold, justifyContent: 'flex-start', paddingInline: tokens.spacingHorizontalS, minWidth: 0 },
});

const HEADERS: { key: RiskSortKey; label: string }[] = [
  { key: 'id', label: 'ID' },
  { key: 'title', label: 'Risk' },
  { key: 'owner', label: 'Owner' },
  { key: 'inherent', label: 'Inherent' },
  { key: 'residual', label: 'Residual' },
  { key: 'category', label: 'Domain' },
  { key: 'treatment', label: 'Treatment' },
  { key: 'status', label: 'Status' },
  { key: 'known', label: 'How known' },
];

/** The register as a virtual table with sortable columns. */
export function RiskTable({ risks, matrix }: { risks: RiskRowRecord[]; matrix: RiskMatrix }) {
  const styles = useStyles();
  const table = useVirtualTableStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const sort = useUiStore((s) => s.riskSort);
  const setSort = useUiStore((s) => s.setRiskSort);
  const selectedId = useUiStore((s) => s.selectedRiskId);
  const select = useUiStore((s) => s.selectRisk);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions that must not be memoised
  const virtualizer = useVirtualizer({ count: risks.length, getScrollElement: () => scroller.current, estimateSize: () => VIRTUAL_ROW_HEIGHT, overscan: 12 });
  return (
    <div ref={scroller} className={mergeClasses(table.scroller, styles.scroller)} role="table" aria-label="Risk register" aria-rowcount={risks.length + 1} data-testid="risk-table" tabIndex={0}>
      <div role="rowgroup">
        <div role="row" className={mergeClasses(table.header, styles.columns)} aria-rowindex={1}>
          {HEADERS.map((h) => (
            <div role="columnheader" key={h.key} aria-sort={sort.key === h.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <Button
                appearance="transparent"
                size="small"
                className={styles.sort}
                onClick={() => setSort(h.key)}
                icon={sort.key === h.key ? sort.descending ? <ArrowSortDownRegular /> : <ArrowSortUpRegular /> : undefined}
                iconPosition="after"
                data-testid={`sort-${h.key}`}
              >
                {h.label}
              </Button>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const r = risks[item.index];
          if (!r) return null;
          const known = knownOf(r);
          return (
            <div
              role="row"
              key={r.id}
              aria-rowindex={item.index + 2}
              aria-selected={r.id === selectedId}
              className={mergeClasses(table.row, styles.columns, r.id === selectedId && table.selected)}
              style={{ transform: `translateY(${item.start}px)` }}
              data-testid="risk-row"
              data-risk-id={r.id}
            >
              <div role="cell" className={table.cell}>
                {r.id}
              </div>
              <div role="cell" className={table.cell}>
                <Button appearance="transparent" size="small" className={table.cellButton} onClick={() => select(r.id)} title={r.title} data-testid="risk-title">
                  {r.title}
                </Button>
              </div>
              <div role="cell" className={table.cell} data-testid="risk-owner">
                {r.effectiveOwner}
                {r.ownerOverridden ? ' *' : ''}
              </div>
              <div role="cell" className={table.cell} data-testid="risk-inherent">
                {levelLabel(matrix, r.inherentLevel)}
              </div>
              <div role="cell" className={table.cell}>
                {levelLabel(matrix, r.residual?.level)}
              </div>
              <div role="cell" className={table.cell}>
                {r.category}
              </div>
              <div role="cell" className={table.cell}>
                {r.treatment ?? '—'}
              </div>
              <div role="cell" className={table.cell}>
                {r.status}
              </div>
              <div role="cell" className={table.cell} data-testid="risk-known" title={known ? EVIDENCE_STATUS_TEXT[known].meaning : undefined}>
                {known ? EVIDENCE_STATUS_TEXT[known].label : '—'}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
