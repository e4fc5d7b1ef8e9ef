import { describe, expect, it } from 'vitest';
import { bundleToDump, dumpToBundle, rekeyDump } from '../../../../renderer/bundle/bundle-mapping';
import { parseBundle } from '../../../../core/bundle/schema';
import { loadDemo } from '../../core/report/helpers';

describe('bundle mapping: a contact keeps its organisation through import, export and duplicate', () => {
  const { bundle, pack } = loadDemo();
  const dump = bundleToDump(bundle, pack);
  const mssp = (rows: { name: string; organisation?: string }[]) => rows.find((c) => c.name === 'Fabrikam Security SOC');

  it('reads the organisation into the app row; the client’s own staff read as blank', () => {
    expect(mssp(dump.contacts)!.organisation).toBe('Fabrikam Security');
    expect(dump.contacts.find((c) => c.name === 'Priya Natarajan')!.organisation).toBe('');
  });

  it('writes it back exactly as the bundle had it, and leaves a blank one out of the bundle', () => {
    const exported = dumpToBundle(dump, bundle.exportedAt);
    expect(exported.contacts.map((c) => c.organisation)).toEqual(bundle.contacts.map((c) => c.organisation));
    expect(exported.contacts.find((c) => c.name === 'Priya Natarajan')).not.toHaveProperty('organisation');
    // what the app exports is a bundle the schema accepts
    expect(parseBundle(JSON.parse(JSON.stringify(exported))).ok).toBe(true);
  });

  it('an organisation typed in the app is exported, and a row written before the field existed exports without one', () => {
    const rows = dump.contacts.map((c, i) => (i === 0 ? { ...c, organisation: 'Contoso Legal LLP' } : i === 1 ? (({ organisation: _o, ...rest }) => rest)(c) : c));
    const exported = dumpToBundle({ ...dump, contacts: rows }, bundle.exportedAt);
    expect(exported.contacts[0]!.organisation).toBe('Contoso Legal LLP');
    expect(exported.contacts[1]).not.toHaveProperty('organisation');
    expect(bundleToDump(exported, pack).contacts[0]!.organisation).toBe('Contoso Legal LLP');
  });

  it('a duplicated assessment keeps each contact’s organisation under new ids', () => {
    const copy = rekeyDump(dump, 'Copy');
    expect(mssp(copy.contacts)!.organisation).toBe('Fabrikam Security');
    expect(copy.contacts.map((c) => c.id)).not.toEqual(dump.contacts.map((c) => c.id));
  });
});
