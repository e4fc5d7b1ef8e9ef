import { describe, expect, it } from 'vitest';
import { redactTokenShapes, safeErrorMessage, SecretRedactor } from '../../../../core/azure/redact';

const CANARY = 'canary-secret-5b2f0e9c7d1a4e38';

describe('redaction', () => {
  it('removes registered secrets wherever they appear', () => {
    const redactor = new SecretRedactor([CANARY]);
    redactor.add('opaque-token-value-xyz');
    expect(redactor.redact(`secret=${CANARY}; x ${CANARY}${CANARY} token opaque-token-value-xyz`)).not.toMatch(/canary-secret|opaque-token/);
  });

  it('removes token shapes without knowing them', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl';
    const text = [
      `Authorization: Bearer ${jwt}`,
      `bearer abc.def-ghi`,
      `client_secret=${CANARY}&grant_type=client_credentials`,
      `{"access_token":"at-1234567890","refresh_token":"rt-1"}`,
      `raw ${jwt}`,
    ].join('\n');
    const out = redactTokenShapes(text);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain(CANARY);
    expect(out).not.toContain('at-1234567890');
    expect(out).not.toContain('abc.def-ghi');
    expect(out).toContain('grant_type=client_credentials');
  });

  it('ignores values too short to be secrets and shortens long messages', () => {
    const redactor = new SecretRedactor(['abc', '', undefined]);
    expect(redactor.redact('abc')).toBe('abc');
    expect(safeErrorMessage(new Error('x'.repeat(2000)), undefined, 50)).toHaveLength(51);
    expect(safeErrorMessage({ weird: true })).toBe('unknown error');
  });
});
