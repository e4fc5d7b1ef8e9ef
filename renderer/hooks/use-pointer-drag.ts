import { useRef, type PointerEvent } from 'react';

/**
 * Pointer handlers for a drag handle: capture the pointer on press, report each move with
 * what `start` recorded at the press, release on up or cancel. Spread the result on the handle.
 */
export function usePointerDrag<T>(start: (e: PointerEvent<HTMLElement>) => T, move: (e: PointerEvent<HTMLElement>, started: T) => void) {
  const drag = useRef<{ started: T } | null>(null);
  const release = (e: PointerEvent<HTMLElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  return {
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { started: start(e) };
      e.preventDefault();
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      if (drag.current) move(e, drag.current.started);
    },
    onPointerUp: release,
    onPointerCancel: release,
  };
}
