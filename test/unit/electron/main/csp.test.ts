import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../../../../electron/main/csp';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('the production CSP', () => {
  it('lets workers start only from the app itself: the built workers are files (test/smoke), never blob: URLs', () => {
    expect(directives(PRODUCTION_CSP).get('worker-src')).toBe("'self'");
  });

  it('is repeated in index.html, apart from what a meta tag cannot carry (frame-ancestors) and the style nonce', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const fromMeta = directives(meta);
    const fromHeader = directives(PRODUCTION_CSP);
    fromHeader.delete('frame-ancestors');
    fromMeta.set('style-src', fromMeta.get('style-src')!.replace(" 'nonce-__DEMARC_CSP_NONCE__'", ''));
    expect(Object.fromEntries(fromMeta)).toEqual(Object.fromEntries(fromHeader));
  });
});
