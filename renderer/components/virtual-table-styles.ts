import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Height of a one-line row of a virtualised table: the virtualiser's first estimate, and the
 * least a row takes. Rows with wrapped text are taller and measured once rendered.
 */
export const VIRTUAL_ROW_HEIGHT = 36;

/**
 * The shared look of Demarc's virtualised grid tables (resources, risk register): a box that
 * scrolls both ways, a sticky header and absolutely placed rows of measured height. The grid
 * template comes from the table's column definitions (see grid-columns.ts).
 */
export const useVirtualTableStyles = makeStyles({
  scroller: { overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  // the header's row group sticks (a sticky row would only stick within its own row group)
  headerGroup: { position: 'sticky', top: 0, zIndex: 1 },
  header: {
    display: 'grid',
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: `${VIRTUAL_ROW_HEIGHT}px`,
    alignItems: 'center',
  },
  headerCell: { position: 'relative', minWidth: 0, fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalS, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  /** a header cell holding a full-width button (sortable columns): the button brings its own padding */
  headerCellButton: { paddingInline: 0, overflow: 'visible' },
  row: {
    display: 'grid',
    alignItems: 'center',
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    minHeight: `${VIRTUAL_ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: { minWidth: 0, paddingInline: tokens.spacingHorizontalS, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  /** a cell whose text wraps onto more lines rather than being cut */
  wrap: { whiteSpace: 'normal', overflowWrap: 'anywhere', textOverflow: 'clip', paddingBlock: tokens.spacingVerticalXS },
  /** the placeholder of a row still being read: spans every column */
  loading: { gridColumn: '1 / -1' },
  /** A button filling a cell whose label wraps, so a long name or title is shown whole; aligned with the header's text. */
  cellButton: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    paddingInline: 0,
    paddingBlock: tokens.spacingVerticalXXS,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    fontWeight: tokens.fontWeightRegular,
  },
});
