import { useEffect, useRef } from 'react';

/** True when a key press belongs to a text field (typing a 1 in a note must not pick choice 1). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
  return target.getAttribute('role') === 'combobox';
}

export interface InterviewKeyActions {
  choose: (index: number) => void;
  next: () => void;
  back: () => void;
  skip: () => void;
  notApplicable: () => void;
  nextUnanswered: () => void;
}

/** The interview's keyboard: number keys pick choices, Enter advances, letters navigate. */
export function useInterviewKeys(actions: InterviewKeyActions, enabled: boolean): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.metaKey) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const a = ref.current;
      if (event.key === 'Enter' && event.ctrlKey) {
        event.preventDefault();
        a.next();
        return;
      }
      if (event.ctrlKey || isTypingTarget(event.target)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === 'Enter' && target?.closest('button, a, [role="tab"]')) return;
      const handled = (() => {
        if (/^[1-9]$/.test(event.key)) {
          a.choose(Number(event.key) - 1);
          return true;
        }
        switch (event.key) {
          case 'Enter':
            a.next();
            return true;
          case 'Backspace':
          case 'b':
          case 'B':
            a.back();
            return true;
          case 's':
          case 'S':
            a.skip();
            return true;
          case 'n':
          case 'N':
            a.notApplicable();
            return true;
          case 'u':
          case 'U':
            a.nextUnanswered();
            return true;
          default:
            return false;
        }
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
