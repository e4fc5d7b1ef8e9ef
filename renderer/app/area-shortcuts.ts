import { AREAS, type Area } from '../stores/ui-store';

/** The keys of a keydown that matter to the area shortcuts. */
export type ShortcutKey = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * The area a key combination opens, if any. Alt+1 … Alt+9 open the first nine areas in the
 * order of the list and Alt+0 the tenth (Report), as 0 follows 9 on the keyboard; Settings has
 * the key desktop applications give their settings, Ctrl+comma (⌘+comma on a Mac). Digits are
 * read from the physical key (`code`): Alt with a digit types another character on some layouts.
 */
export function areaOfShortcut(event: ShortcutKey): Area | undefined {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === ',') return 'settings';
  if (!event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const digit = /^Digit([0-9])$/.exec(event.code)?.[1] ?? /^[0-9]$/.exec(event.key)?.[0];
  if (digit === undefined) return undefined;
  return digit === '0' ? AREAS[9] : AREAS[Number(digit) - 1];
}
