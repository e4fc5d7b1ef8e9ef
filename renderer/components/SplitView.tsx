import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { usePointerDrag } from '../hooks/use-pointer-drag';
import { useUiStore, type SplitScreen } from '../stores/ui-store';

/** The detail pane's share of the width (percent): its default, and the limits a resize keeps to. */
export const DETAIL_SHARE = { initial: 38, min: 25, max: 45 } as const;
/** px per arrow key press on the split handle (percent of the width). */
const SHARE_STEP = 2;
/** Below this width (px) the table keeps the whole width and the detail opens over it in a drawer. */
export const SIDE_BY_SIDE_FROM = 1000;

const useStyles = makeStyles({
  root: { display: 'grid', alignItems: 'stretch', minWidth: 0 },
  // both panes as tall as the window allows, so the table and the detail scroll on their own
  pane: { minWidth: 0, height: 'max(420px, calc(100vh - 300px))' },
  detail: { overflowY: 'auto' },
  handle: {
    position: 'relative',
    cursor: 'col-resize',
    touchAction: 'none',
    '::after': { content: '""', position: 'absolute', top: 0, bottom: 0, left: '5px', width: '2px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralStroke2 },
    ':hover::after': { backgroundColor: tokens.colorBrandStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export function clampShare(percent: number): number {
  if (!Number.isFinite(percent)) return DETAIL_SHARE.initial;
  return Math.min(DETAIL_SHARE.max, Math.max(DETAIL_SHARE.min, Math.round(percent)));
}

/** The width of an element, followed as it changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The separator between the panes: drag it, or focus it and use the arrow keys, Home and End. */
function SplitHandle({ share, onShare, container }: { share: number; onShare: (percent: number) => void; container: RefObject<HTMLElement | null> }) {
  const styles = useStyles();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // the value is the table's share: ArrowRight widens the table, ArrowLeft the detail
    const next = { ArrowRight: share - SHARE_STEP, ArrowLeft: share + SHARE_STEP, Home: DETAIL_SHARE.max, End: DETAIL_SHARE.min }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onShare(clampShare(next));
  };
  const drag = usePointerDrag(
    () => undefined,
    (e) => {
      const box = container.current?.getBoundingClientRect();
      if (box && box.width > 0) onShare(clampShare(((box.right - e.clientX) / box.width) * 100));
    },
  );
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the table and the detail"
      aria-valuemin={100 - DETAIL_SHARE.max}
      aria-valuemax={100 - DETAIL_SHARE.min}
      aria-valuenow={100 - share}
      aria-valuetext={`table ${100 - share}%, detail ${share}%`}
      tabIndex={0}
      className={styles.handle}
      onKeyDown={onKeyDown}
      {...drag}
      data-testid="split-handle"
    />
  );
}

interface Props {
  /** whose stored share applies */
  screen: SplitScreen;
  main: ReactNode;
  /** the detail of the selected row; null when nothing is selected (the table takes the whole width) */
  detail: ReactNode | null;
  /** the drawer's heading when the detail opens over the table */
  detailTitle: string;
  onCloseDetail: () => void;
}

/**
 * A table with the detail of its selected row beside it. The detail takes a resizable share
 * of the width (38% at first, never more than 45%, so the table keeps at least 55%); in a
 * narrow window it opens over the table in a drawer instead of squeezing it.
 */
export function SplitView({ screen, main, detail, detailTitle, onCloseDetail }: Props) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  const width = useWidth(root);
  const stored = useUiStore((s) => s.detailShare[screen]);
  const setShare = useUiStore((s) => s.setDetailShare);
  const share = clampShare(stored ?? DETAIL_SHARE.initial);
  const sideBySide = detail !== null && width !== null && width >= SIDE_BY_SIDE_FROM;
  // the table's share is of the whole width; the handle comes out of the detail's
  const columns = sideBySide ? `minmax(0, ${100 - share}%) 12px minmax(0, 1fr)` : 'minmax(0, 1fr)';
  return (
    <div ref={root} className={styles.root} style={{ gridTemplateColumns: columns }} data-testid="split-view" data-layout={sideBySide ? 'side-by-side' : detail ? 'drawer' : 'table'}>
      <div className={styles.pane} data-testid="split-main">
        {main}
      </div>
      {sideBySide && (
        <>
          <SplitHandle share={share} onShare={(p) => setShare(screen, p)} container={root} />
          {/* focusable, so the pane scrolls from the keyboard even when the detail has no control */}
          <div className={mergeClasses(styles.pane, styles.detail)} role="region" aria-label={detailTitle} tabIndex={0} data-testid="split-detail">
            {detail}
          </div>
        </>
      )}
      {!sideBySide && detail !== null && width !== null && (
        <OverlayDrawer open position="end" size="medium" onOpenChange={(_e, d) => !d.open && onCloseDetail()} data-testid="detail-drawer">
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onCloseDetail} data-testid="close-detail" />}>{detailTitle}</DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>{detail}</DrawerBody>
        </OverlayDrawer>
      )}
    </div>
  );
}
