import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakPlaceholders, cleanUserText, maskGuids, truncate, xmlSafe } from '../../../../core/report/sanitize';

const LEGAL = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('sanitize', () => {
  it('removes control characters and replaces lone surrogates', () => {
    expect(xmlSafe('a\u0000b\u0008c\u001Fd\uFFFEe')).toBe('abcde');
    expect(xmlSafe('x\uD800y')).toBe('x\uFFFDy');
    expect(xmlSafe('ok 😀 \u202Eevil')).toBe('ok 😀 \u202Eevil');
  });

  it('always yields XML-legal text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => LEGAL.test(xmlSafe(s))));
  });

  it('masks GUIDs but the last four characters', () => {
    expect(maskGuids('/subscriptions/b7c1e0a2-5d4f-4e8a-9c3b-1a2b3c4d5e6f/rg')).toBe('/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxx5e6f/rg');
  });

  it('breaks placeholder-like user text so it is never taken for a placeholder', () => {
    expect(breakPlaceholders('{{client}}')).not.toMatch(/\{\{/);
    expect(cleanUserText('{{client}} a3c1e0a2-5d4f-4e8a-9c3b-1a2b3c4d5e6f', { mask: true })).not.toMatch(/\{\{|a3c1e0a2/);
    expect(cleanUserText('{{client}}', { mask: false })).toBe('{\u200B{client}\u200B}');
  });

  it('truncates long text without splitting a surrogate pair', () => {
    const s = truncate(`${'a'.repeat(9)}😀😀`, 10);
    expect(s.startsWith('a'.repeat(9))).toBe(true);
    expect(LEGAL.test(s)).toBe(true);
    expect(s).toMatch(/truncated/);
  });
});
