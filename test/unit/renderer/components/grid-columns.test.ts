import { describe, expect, it } from 'vitest';
import { clampWidth, gridTemplate, minimumRowWidth, widthForKey, type ColumnLayout } from '../../../../renderer/components/grid-columns';

const columns: ColumnLayout[] = [
  { id: 'id', label: 'ID', width: 64, minWidth: 56 },
  { id: 'title', label: 'Risk', width: 200, minWidth: 160, fill: true },
  { id: 'domain', label: 'Domain', width: 128 },
];

describe('column widths', () => {
  it('lets the filling column take the room left until the consultant sizes it', () => {
    expect(gridTemplate(columns, undefined)).toBe('64px minmax(200px, 1fr) 128px');
    expect(gridTemplate(columns, { title: 420, domain: 150 })).toBe('64px 420px 150px');
    expect(minimumRowWidth(columns, { domain: 150 })).toBe(64 + 200 + 150);
  });
  it('keeps stored widths within the column limits (a stored value may be stale or corrupt)', () => {
    expect(gridTemplate(columns, { id: 10, domain: Number.NaN })).toBe('56px minmax(200px, 1fr) 48px');
    expect(clampWidth({ id: 'x', label: 'X', width: 100 }, 99_999)).toBe(1200);
  });
  it('moves by 16 px per arrow key, 64 with Shift, to the minimum with Home', () => {
    const domain = columns[2]!;
    expect(widthForKey('ArrowRight', false, 128, domain)).toBe(144);
    expect(widthForKey('ArrowLeft', true, 128, domain)).toBe(64);
    expect(widthForKey('Home', false, 128, domain)).toBe(48);
    expect(widthForKey('ArrowLeft', false, 50, domain)).toBe(48);
    expect(widthForKey('Enter', false, 128, domain)).toBeNull();
  });
});
