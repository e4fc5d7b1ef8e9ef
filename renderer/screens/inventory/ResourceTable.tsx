import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { VIRTUAL_ROW_HEIGHT, useVirtualTableStyles } from '../../components/virtual-table-styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ResourceRecord } from '../../db/database';

const COLUMNS = '2fr 2fr 1.2fr 1fr 0.8fr 0.6fr';

const useStyles = makeStyles({
  scroller: { height: '420px' },
  columns: { gridTemplateColumns: COLUMNS },
  headerText: { fontWeight: tokens.fontWeightSemibold },
  failing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  count: number;
  row: (index: number) => ResourceRecord | undefined;
  ensure: (start: number, end: number) => void;
  selectedKey: string | null;
  onSelect: (resource: ResourceRecord) => void;
}

/** The inventory as a virtual table: only the rows in view exist in the DOM. */
export function ResourceTable({ count, row, ensure, selectedKey, onSelect }: Props) {
  const styles = useStyles();
  const table = useVirtualTableStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions that must not be memoised
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => VIRTUAL_ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [first, last, count, ensure]);

  return (
    <div ref={scroller} className={mergeClasses(table.scroller, styles.scroller)} role="table" aria-label="Resources" aria-rowcount={count + 1} data-testid="resource-table" tabIndex={0}>
      <div role="rowgroup">
        <div role="row" className={mergeClasses(table.header, styles.columns, styles.headerText)} aria-rowindex={1}>
          {['Name', 'Type', 'Subscription', 'Resource group', 'Model', 'Failing'].map((h) => (
            <div role="columnheader" key={h} className={table.cell}>
              {h}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {items.map((item) => {
          const r = row(item.index);
          return (
            <div
              role="row"
              key={item.key}
              aria-rowindex={item.index + 2}
              className={mergeClasses(table.row, styles.columns, r && r.key === selectedKey && table.selected)}
              style={{ transform: `translateY(${item.start}px)` }}
              data-testid="resource-row"
            >
              {r ? (
                <>
                  <div role="cell" className={table.cell}>
                    <Button appearance="transparent" size="small" className={table.cellButton} onClick={() => onSelect(r)} title={r.id} data-testid="resource-name">
                      {r.name}
                    </Button>
                  </div>
                  <div role="cell" className={table.cell} title={r.type}>
                    {r.type}
                  </div>
                  <div role="cell" className={table.cell} title={r.subscriptionId}>
                    {r.subscriptionId}
                  </div>
                  <div role="cell" className={table.cell}>
                    {r.resourceGroup}
                  </div>
                  <div role="cell" className={table.cell}>
                    {r.serviceModel}
                  </div>
                  <div role="cell" className={mergeClasses(table.cell, r.failing > 0 && styles.failing)} data-testid="resource-failing">
                    {r.failing}
                  </div>
                </>
              ) : (
                <div role="cell" className={table.cell}>
                  <Text size={200}>Loading…</Text>
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
