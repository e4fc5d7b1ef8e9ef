/**
 * Column definitions of Demarc's virtual grid tables and the CSS grid track list built from
 * them. A table is one array of {@link GridColumn}s: adding a column is adding one entry.
 */
import type { ReactNode } from 'react';

/** A column of rows of type `Row`; `Context` is what every cell may use besides its row (callbacks, lookups). */
export interface GridColumn<Row, Context = undefined> {
  /** stable id: the key of its stored width, and its test id suffix */
  id: string;
  label: string;
  /** width in px before the consultant changes it */
  width: number;
  /** narrowest width a resize may give it (px) */
  minWidth?: number;
  /**
   * Takes the room the other columns leave (at least `width`) until the consultant sizes it.
   * At most one column of a table fills.
   */
  fill?: boolean;
  /** long values wrap onto more lines (the row grows) instead of being cut */
  wrap?: boolean;
  /** the cell's content */
  render: (row: Row, context: Context) => ReactNode;
  /** the full value, shown on hover */
  title?: (row: Row, context: Context) => string | undefined;
  /** a test id for the cell */
  testId?: string;
}

/** The layout part of a column, whatever its rows. */
export type ColumnLayout = Pick<GridColumn<never, never>, 'id' | 'label' | 'width' | 'minWidth' | 'fill'>;

export const DEFAULT_MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 1200;

export function minWidthOf(column: ColumnLayout): number {
  return column.minWidth ?? DEFAULT_MIN_COLUMN_WIDTH;
}

/** A width kept within the column's limits (a stored width may come from an older layout). */
export function clampWidth(column: ColumnLayout, width: number): number {
  if (!Number.isFinite(width)) return minWidthOf(column);
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(minWidthOf(column), width)));
}

/** The width the consultant gave a column, or undefined while it keeps its default. */
export function storedWidth(widths: Readonly<Record<string, number>> | undefined, column: ColumnLayout): number | undefined {
  const w = widths?.[column.id];
  return typeof w === 'number' ? clampWidth(column, w) : undefined;
}

/** One track per column: px, or `minmax(width, 1fr)` for the filling column until it is sized. */
export function gridTemplate(columns: readonly ColumnLayout[], widths: Readonly<Record<string, number>> | undefined): string {
  return columns
    .map((c) => {
      const w = storedWidth(widths, c);
      if (w !== undefined) return `${w}px`;
      return c.fill ? `minmax(${c.width}px, 1fr)` : `${c.width}px`;
    })
    .join(' ');
}

/** The narrowest the row can be without cutting a column (the horizontal scroll starts below it). */
export function minimumRowWidth(columns: readonly ColumnLayout[], widths: Readonly<Record<string, number>> | undefined): number {
  return columns.reduce((sum, c) => sum + (storedWidth(widths, c) ?? c.width), 0);
}

/** px per arrow key press on a resize handle; Shift moves four times as far. */
export const RESIZE_STEP = 16;

/** The width a key press on a column's resize handle asks for, or null for a key the handle does not use. */
export function widthForKey(key: string, shift: boolean, current: number, column: ColumnLayout): number | null {
  const step = shift ? RESIZE_STEP * 4 : RESIZE_STEP;
  if (key === 'ArrowRight') return clampWidth(column, current + step);
  if (key === 'ArrowLeft') return clampWidth(column, current - step);
  if (key === 'Home') return minWidthOf(column);
  return null;
}
