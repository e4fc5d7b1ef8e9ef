/**
 * The named emergency access accounts live on the app's assessment row and travel as the
 * bundle's `graphSettings`: export -> import -> export keeps them, a copy keeps them, an
 * assessment without them exports no `graphSettings`. The typed list is parsed entry by entry.
 */
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../../core/bundle/schema';
import { bundleToDump, dumpToBundle, rekeyDump } from '../../../../renderer/bundle/bundle-mapping';
import { parseAccountsText } from '../../../../renderer/db/break-glass-repository';
import { loadDemo } from '../../core/report/helpers';

const ACCOUNTS = ['breakglass1@contoso.onmicrosoft.com', 'b0000000-0000-0000-0000-000000000002'];

describe('named emergency access accounts in the bundle mapping', () => {
  const { bundle, pack } = loadDemo();

  it('reads them onto the assessment row and exports them back', () => {
    const dump = bundleToDump({ ...bundle, graphSettings: { breakGlassAccounts: ACCOUNTS } }, pack);
    expect(dump.assessment.breakGlassAccounts).toEqual(ACCOUNTS);
    const exported = dumpToBundle(dump, bundle.exportedAt);
    expect(exported.graphSettings).toEqual({ breakGlassAccounts: ACCOUNTS });
    expect(parseBundle(exported).ok).toBe(true);
    expect(dumpToBundle(bundleToDump(exported, pack), bundle.exportedAt)).toEqual(exported);
  });

  it('keeps them on a copy (duplicate, import next to the original)', () => {
    const copy = rekeyDump(bundleToDump({ ...bundle, graphSettings: { breakGlassAccounts: ACCOUNTS } }, pack), 'Copy');
    expect(copy.assessment.breakGlassAccounts).toEqual(ACCOUNTS);
  });

  it('exports no graphSettings when none are named', () => {
    const { graphSettings: _g, ...without } = bundle;
    const dump = bundleToDump(without, pack);
    expect('breakGlassAccounts' in dump.assessment).toBe(false);
    expect(dumpToBundle(dump, bundle.exportedAt).graphSettings).toBeUndefined();
    expect(dumpToBundle({ ...dump, assessment: { ...dump.assessment, breakGlassAccounts: [] } }, bundle.exportedAt).graphSettings).toBeUndefined();
  });
});

describe('the typed list', () => {
  it('takes one account per line (commas and semicolons too), blank entries ignored', () => {
    expect(parseAccountsText(' breakglass1@contoso.onmicrosoft.com \n\n b0000000-0000-0000-0000-000000000002 ; ')).toEqual({ ok: true, accounts: ACCOUNTS });
    expect(parseAccountsText('  \n')).toEqual({ ok: true, accounts: [] });
  });

  it('names every bad entry by its position and value', () => {
    expect(parseAccountsText('bg1@contoso.com\nbreakglass\nBG1@contoso.com')).toEqual({
      ok: false,
      errors: ["Account 2: 'breakglass' is neither a user principal name (name@domain) nor an object id (a GUID)", "Account 3: 'BG1@contoso.com' is named twice (names are compared ignoring case)"],
    });
  });
});
