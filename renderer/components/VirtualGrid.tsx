import { Text, mergeClasses } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type AriaAttributes, type ReactNode } from 'react';
import { useUiStore, type ResizableTable } from '../stores/ui-store';
import { ColumnResizer } from './ColumnResizer';
import { gridTemplate, minimumRowWidth, storedWidth, type GridColumn } from './grid-columns';
import { VIRTUAL_ROW_HEIGHT, useVirtualTableStyles } from './virtual-table-styles';

/** What a table says about one of its rows: selection and data attributes for tests. */
export interface RowAttributes {
  selected?: boolean;
  data?: Record<`data-${string}`, string>;
}

interface Props<Row, Context, Column extends GridColumn<Row, Context>> {
  /** whose stored column widths apply */
  table: ResizableTable;
  label: string;
  testId: string;
  rowTestId: string;
  columns: readonly Column[];
  /** handed to every cell's render (callbacks, lookups) */
  context: Context;
  count: number;
  row: (index: number) => Row | undefined;
  /** a stable key per row, so measured heights follow the row when the order changes */
  rowKey: (index: number) => string | number;
  rowAttributes?: (row: Row) => RowAttributes;
  /** the header cell's content (a sort button); the label by default */
  header?: (column: Column) => ReactNode;
  headerSort?: (column: Column) => AriaAttributes['aria-sort'];
  /** class of the scrolling box (its height) */
  className?: string;
  overscan?: number;
  /** told which rows are in view (lazy tables read them) */
  onRange?: (first: number, last: number) => void;
}

/**
 * A virtual grid table: only the rows in view exist in the DOM, rows are measured so wrapped
 * text can make them taller, and each column has a resize handle whose width is kept in the
 * UI store. The columns are data: one {@link GridColumn} per column.
 */
export function VirtualGrid<Row, Context, Column extends GridColumn<Row, Context> = GridColumn<Row, Context>>({ table, label, testId, rowTestId, columns, context, count, row, rowKey, rowAttributes, header, headerSort, className, overscan = 10, onRange }: Props<Row, Context, Column>) {
  const styles = useVirtualTableStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const widths = useUiStore((s) => s.columnWidths[table]);
  const setWidth = useUiStore((s) => s.setColumnWidth);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions that must not be memoised
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => VIRTUAL_ROW_HEIGHT, getItemKey: rowKey, overscan });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count, onRange]);

  const template = { gridTemplateColumns: gridTemplate(columns, widths), minWidth: `${minimumRowWidth(columns, widths)}px` };
  return (
    <div ref={scroller} className={mergeClasses(styles.scroller, className)} role="table" aria-label={label} aria-rowcount={count + 1} data-testid={testId} tabIndex={0}>
      <div role="rowgroup" className={styles.headerGroup}>
        <div role="row" className={styles.header} style={template} aria-rowindex={1}>
          {columns.map((c) => (
            <div role="columnheader" key={c.id} className={mergeClasses(styles.headerCell, header && styles.headerCellButton)} aria-sort={headerSort?.(c)} title={c.label} data-testid={`column-${c.id}`}>
              {header ? header(c) : c.label}
              <ColumnResizer column={c} stored={storedWidth(widths, c)} onWidth={(w) => setWidth(table, c.id, w)} />
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative', minWidth: template.minWidth }}>
        {items.map((item) => {
          const r = row(item.index);
          const attributes = r === undefined ? {} : (rowAttributes?.(r) ?? {});
          return (
            <div
              role="row"
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-rowindex={item.index + 2}
              aria-selected={attributes.selected}
              className={mergeClasses(styles.row, attributes.selected && styles.selected)}
              style={{ ...template, transform: `translateY(${item.start}px)` }}
              data-testid={rowTestId}
              {...attributes.data}
            >
              {r === undefined ? (
                <div role="cell" className={mergeClasses(styles.cell, styles.loading)}>
                  <Text size={200}>Loading…</Text>
                </div>
              ) : (
                columns.map((c) => (
                  <div role="cell" key={c.id} className={mergeClasses(styles.cell, c.wrap && styles.wrap)} title={c.title?.(r, context)} data-testid={c.testId}>
                    {c.render(r, context)}
                  </div>
                ))
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
