/**
 * The named emergency access (break-glass) accounts: the bundle's validation of the list, the
 * per-account status the app shows, GR-09 passing or failing on them, Conditional Access
 * exclusions of them no longer weakening a policy, and the register following GR-09.
 */
import { describe, expect, it } from 'vitest';
import { AssessmentBundleSchema, BreakGlassAccountsSchema, MAX_BREAK_GLASS_ACCOUNTS, parseBundle } from '../../../../core/bundle/schema';
import { loadPack } from '../../../../core/content/loader';
import { describeNamedAccount, namedAccountStatus } from '../../../../core/graph/checks/break-glass';
import { runGraphChecks } from '../../../../core/graph/checks/run-graph-checks';
import { TenantView, type GraphCheckSettings } from '../../../../core/graph/checks/tenant-view';
import { deriveRisks } from '../../../../core/risks/derive';
import { byId } from '../../../fixtures/graph/fail-variants';
import { BG1, BG2, BREAK_GLASS_UPNS, snapshotOf, wellConfiguredTenant, type TenantData } from '../../../fixtures/graph/tenant';
import { engineFiles, playbookFiles } from '../pack-helper';
import { loadDemo } from '../report/helpers';

const { pack } = loadPack([...engineFiles(), ...playbookFiles()]);
const matrix = pack.matrices.get('jan-2026')!;

function findings(data: TenantData, settings: GraphCheckSettings) {
  return runGraphChecks(snapshotOf(data), { matrix, settings });
}
const statusOf = (data: TenantData, checkId: string, settings: GraphCheckSettings) => findings(data, settings).findings.find((f) => f.checkId === checkId)?.status ?? 'not assessed';

describe('the list of named accounts', () => {
  const issues = (value: unknown) => {
    const r = BreakGlassAccountsSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes sign-in names and object ids, trimmed', () => {
    expect(BreakGlassAccountsSchema.parse(['  breakglass1@contoso.onmicrosoft.com ', BG2.toUpperCase()])).toEqual(['breakglass1@contoso.onmicrosoft.com', BG2.toUpperCase()]);
  });

  it('refuses blank, malformed, too long, too many and repeated (ignoring case) names, saying which', () => {
    expect(issues(['  '])).toEqual(['0: is empty: name the account by its user principal name or object id']);
    expect(issues(['bg1@contoso.com', 'breakglass'])).toEqual(["1: 'breakglass' is neither a user principal name (name@domain) nor an object id (a GUID)"]);
    expect(issues([`${'x'.repeat(300)}@contoso.com`])).toEqual(['0: is longer than 256 characters']);
    expect(issues(Array.from({ length: MAX_BREAK_GLASS_ACCOUNTS + 1 }, (_, i) => `bg${i}@contoso.com`))).toEqual([`: at most ${MAX_BREAK_GLASS_ACCOUNTS} emergency access accounts`]);
    expect(issues(['BG1@Contoso.com', 'bg2@contoso.com', 'bg1@contoso.com'])).toEqual(["2: 'bg1@contoso.com' is named twice (names are compared ignoring case)"]);
  });

  it('travels in the bundle as the optional graphSettings, a bad entry named by its path', () => {
    const { bundle } = loadDemo();
    expect(AssessmentBundleSchema.safeParse({ ...bundle, graphSettings: undefined }).success).toBe(true);
    expect(parseBundle({ ...bundle, graphSettings: { breakGlassAccounts: BREAK_GLASS_UPNS } }).ok).toBe(true);
    const bad = parseBundle({ ...bundle, graphSettings: { breakGlassAccounts: ['bg1@contoso.com', 'nobody'] } });
    expect(bad.ok ? [] : bad.errors).toEqual([{ path: 'graphSettings.breakGlassAccounts[1]', message: "'nobody' is neither a user principal name (name@domain) nor an object id (a GUID)" }]);
    const extra = parseBundle({ ...bundle, graphSettings: { breakGlassAccounts: [], mystery: 1 } });
    expect(extra.ok).toBe(false);
  });
});

describe('the named accounts in a snapshot', () => {
  it('finds them by sign-in name or object id (any case), and says what each is', () => {
    const view = new TenantView(snapshotOf(wellConfiguredTenant()), { breakGlassAccounts: ['BreakGlass1@contoso.onmicrosoft.com', BG2, 'nobody@contoso.onmicrosoft.com'] });
    const status = namedAccountStatus(view);
    expect(status.map((s) => [s.named, s.found, s.id])).toEqual([
      ['BreakGlass1@contoso.onmicrosoft.com', true, BG1],
      [BG2, true, BG2],
      ['nobody@contoso.onmicrosoft.com', false, null],
    ]);
    expect(status.map(describeNamedAccount)).toEqual([
      'found: enabled, cloud-only, active Global Administrator; excluded from 3 of 3 enforced Conditional Access policies',
      'found: enabled, cloud-only, active Global Administrator; excluded from 3 of 3 enforced Conditional Access policies',
      'not found in this snapshot',
    ]);
  });

  it('says what keeps an account from serving', () => {
    const data = wellConfiguredTenant();
    byId(data, 'users', BG2).onPremisesSyncEnabled = true;
    byId(data, 'users', BG2).accountEnabled = false;
    const [, second] = namedAccountStatus(new TenantView(snapshotOf(data), { breakGlassAccounts: BREAK_GLASS_UPNS }));
    expect(describeNamedAccount(second!)).toMatch(/^found: disabled, synchronised from on-premises; excluded from/);
  });
});

describe('GR-09 and the exclusions follow the named accounts', () => {
  it('is not assessed without names, passes with two usable accounts, fails with one and says why', () => {
    const data = wellConfiguredTenant();
    expect(statusOf(data, 'GR-09', {})).toBe('not assessed');
    expect(findings(data, {}).notAssessed.find((n) => n.checkId === 'GR-09')?.reason).toBe('no emergency access accounts were named: name them to assess this check');
    expect(statusOf(data, 'GR-09', { breakGlassAccounts: BREAK_GLASS_UPNS })).toBe('pass');
    byId(data, 'users', BG2).onPremisesSyncEnabled = true;
    const gr09 = findings(data, { breakGlassAccounts: BREAK_GLASS_UPNS }).findings.find((f) => f.checkId === 'GR-09')!;
    expect(gr09.status).toBe('fail');
    expect(gr09.evidence).toMatchObject({ named: 2, usable: 1, problems: ['breakglass2@contoso.onmicrosoft.com: synchronised from on-premises'] });
  });

  it('counts one user named twice (by sign-in name and object id) once', () => {
    const data = wellConfiguredTenant();
    const gr09 = findings(data, { breakGlassAccounts: [BREAK_GLASS_UPNS[0]!, BG1] }).findings.find((f) => f.checkId === 'GR-09')!;
    expect(gr09).toMatchObject({ status: 'fail', evidence: { named: 2, usable: 1 } });
  });

  it('lists a named sign-in name the tenant does not have as not found', () => {
    const gr09 = findings(wellConfiguredTenant(), { breakGlassAccounts: [...BREAK_GLASS_UPNS, 'old-bg@contoso.onmicrosoft.com'] }).findings.find((f) => f.checkId === 'GR-09')!;
    expect(gr09.evidence.problems).toEqual(['old-bg@contoso.onmicrosoft.com: not found, not an active Global Administrator']);
  });

  it('stops counting exclusions of the named accounts as weakening (GR-03, GR-04, GR-06)', () => {
    const data = wellConfiguredTenant();
    for (const check of ['GR-03', 'GR-04', 'GR-06']) {
      expect(statusOf(data, check, {}), check).toBe('fail');
      expect(statusOf(data, check, { breakGlassAccounts: BREAK_GLASS_UPNS }), check).toBe('pass');
    }
  });

  it('raises and clears the break-glass risk of the register with GR-09', () => {
    const data = wellConfiguredTenant();
    byId(data, 'users', BG2).onPremisesSyncEnabled = true;
    const raised = (settings: GraphCheckSettings) => deriveRisks({ pack, answers: {}, findings: findings(data, settings).findings, matrixId: matrix.id }).some((r) => r.templateId === 'RT-PAM-NO-BREAK-GLASS');
    expect(raised({ breakGlassAccounts: BREAK_GLASS_UPNS })).toBe(true);
    byId(data, 'users', BG2).onPremisesSyncEnabled = null;
    expect(raised({ breakGlassAccounts: BREAK_GLASS_UPNS })).toBe(false);
  });
});
