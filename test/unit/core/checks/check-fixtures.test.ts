import { describe, expect, it } from 'vitest';
import { verifyFixtures } from '../../../../core/checks/fixtures';
import { isArgCheck } from '../../../../core/content/schemas';
import { loadTestPack } from '../pack-helper';

// Generated from the pack: adding a check (and its fixtures) adds its two tests here.
const pack = loadTestPack();
const { outcomes } = verifyFixtures(pack);
const byId = new Map(outcomes.map((o) => [o.checkId, o]));

describe('check fixtures', () => {
  it('the pack has at least 40 checks, 5 of them over securityresources/authorizationresources, and aggregates', () => {
    expect(pack.checks.length).toBeGreaterThanOrEqual(40);
    expect(pack.checks.filter(isArgCheck).filter((c) => c.table === 'securityresources' || c.table === 'authorizationresources').length).toBeGreaterThanOrEqual(5);
    expect(pack.checks.filter(isArgCheck).some((c) => c.kind === 'aggregate')).toBe(true);
  });

  for (const check of pack.checks) {
    describe(check.id, () => {
      it(`passes on ${check.id}.pass.json`, () => {
        const o = byId.get(check.id)!;
        expect(o, 'fixtures missing').toBeDefined();
        const statuses = o.passFindings.map((f) => f.status);
        expect(statuses).toContain('pass');
        expect(statuses).not.toContain('fail');
      });
      it(`fails on ${check.id}.fail.json, recording evidence`, () => {
        const o = byId.get(check.id)!;
        const failing = o.failFindings.filter((f) => f.status === 'fail');
        expect(failing.length).toBeGreaterThan(0);
        expect(o.failFindings.map((f) => f.status)).not.toContain('pass');
        for (const f of failing) expect(Object.keys(f.evidence).length).toBeGreaterThan(0);
      });
    });
  }
});
