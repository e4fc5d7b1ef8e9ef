import { makeStyles, tokens } from '@fluentui/react-components';

/** Height of one row of a virtualised table (the virtualiser's size estimate too). */
export const VIRTUAL_ROW_HEIGHT = 36;

/**
 * The shared look of Demarc's virtualised grid tables (resources, risk register): a
 * scrolling box, a sticky header and absolutely placed rows. Each table adds its own
 * `gridTemplateColumns` to `header` and `row`.
 */
export const useVirtualTableStyles = makeStyles({
  scroller: { overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: 'grid',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    height: `${VIRTUAL_ROW_HEIGHT}px`,
    alignItems: 'center',
  },
  row: {
    display: 'grid',
    alignItems: 'center',
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${VIRTUAL_ROW_HEIGHT}px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: { paddingInline: tokens.spacingHorizontalS, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  /** A button filling a cell, left-aligned and truncated (names, titles). */
  cellButton: { justifyContent: 'flex-start', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightRegular },
});
