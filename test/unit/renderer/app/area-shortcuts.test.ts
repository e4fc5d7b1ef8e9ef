/** Every area, Report and Settings included, has a key; fields keep the keys they type with. */
import { describe, expect, it } from 'vitest';
import { areaOfShortcut, type ShortcutKey } from '../../../../renderer/app/area-shortcuts';
import { AREAS } from '../../../../renderer/stores/ui-store';

const press = (key: string, code: string, mods: Partial<Pick<ShortcutKey, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>> = {}): ShortcutKey => ({ key, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('area shortcuts', () => {
  it('reaches every area: Alt+1 … Alt+9 the first nine, Alt+0 the Report, Ctrl+comma the Settings', () => {
    const reached = new Set([...'1234567890'].map((d) => areaOfShortcut(press(d, `Digit${d}`, { altKey: true }))));
    reached.add(areaOfShortcut(press(',', 'Comma', { ctrlKey: true })));
    expect([...reached].sort()).toEqual([...AREAS].sort());
    expect(areaOfShortcut(press('1', 'Digit1', { altKey: true }))).toBe('assessments');
    expect(areaOfShortcut(press('0', 'Digit0', { altKey: true }))).toBe('report');
    expect(areaOfShortcut(press(',', 'Comma', { metaKey: true }))).toBe('settings');
  });

  it('reads the digit from the physical key, where Alt with a digit types another character (macOS, AZERTY)', () => {
    expect(areaOfShortcut(press('¡', 'Digit1', { altKey: true }))).toBe('assessments');
    expect(areaOfShortcut(press('à', 'Digit0', { altKey: true }))).toBe('report');
  });

  it('leaves other keys alone', () => {
    expect(areaOfShortcut(press('1', 'Digit1'))).toBeUndefined();
    expect(areaOfShortcut(press('1', 'Digit1', { altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(areaOfShortcut(press(',', 'Comma'))).toBeUndefined();
    expect(areaOfShortcut(press(',', 'Comma', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(areaOfShortcut(press('a', 'KeyA', { altKey: true }))).toBeUndefined();
  });
});
