import { makeStyles, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { usePointerDrag } from '../hooks/use-pointer-drag';
import { clampWidth, MAX_COLUMN_WIDTH, minWidthOf, widthForKey, type ColumnLayout } from './grid-columns';

const useStyles = makeStyles({
  handle: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    // inside the header cell (which clips what overflows it), at its right edge
    right: 0,
    width: '8px',
    zIndex: 2,
    cursor: 'col-resize',
    touchAction: 'none',
    // a thin rule in the middle of the grab area, stronger when pointed at or focused
    '::after': { content: '""', position: 'absolute', top: '6px', bottom: '6px', left: '5px', width: '2px', backgroundColor: tokens.colorNeutralStroke2 },
    ':hover::after': { backgroundColor: tokens.colorBrandStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    ':focus-visible::after': { backgroundColor: tokens.colorBrandStroke1 },
  },
});

interface Props {
  column: ColumnLayout;
  /** the width the consultant gave the column, if any */
  stored: number | undefined;
  onWidth: (width: number) => void;
}

/**
 * The grab handle at the right edge of a column header: drag it, or focus it and use the
 * arrow keys (Shift for bigger steps, Home for the narrowest). A separator in ARIA terms,
 * so screen readers announce it as a resizable boundary with its current width.
 */
export function ColumnResizer({ column, stored, onWidth }: Props) {
  const styles = useStyles();
  // the header cell's rendered width: a filling column is wider than its default
  const rendered = (el: HTMLElement): number => Math.round(el.parentElement?.getBoundingClientRect().width ?? stored ?? column.width);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = widthForKey(e.key, e.shiftKey, stored ?? rendered(e.currentTarget), column);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onWidth(next);
  };
  const drag = usePointerDrag(
    (e) => ({ x: e.clientX, width: rendered(e.currentTarget) }),
    (e, at) => onWidth(clampWidth(column, at.width + e.clientX - at.x)),
  );
  const now = stored ?? column.width;
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${column.label} column`}
      aria-valuemin={minWidthOf(column)}
      aria-valuemax={MAX_COLUMN_WIDTH}
      aria-valuenow={now}
      aria-valuetext={stored === undefined && column.fill ? 'fills the remaining width' : `${now} pixels`}
      tabIndex={0}
      className={styles.handle}
      onKeyDown={onKeyDown}
      {...drag}
      data-testid={`resize-${column.id}`}
    />
  );
}
