import { describe, expect, it } from 'vitest';
import { COMMITMENT_FILES, loadCommitments } from '../../../../core/commitments/load';
import { scopedProviders, worksheetStatuses } from '../../../../core/commitments/worksheet';
import { loadPack } from '../../../../core/content/loader';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';

const packFiles = readPackFiles(defaultPackDir);
const files = packFiles.filter((f) => f.path.startsWith('commitments/'));
const edit = (all: typeof packFiles, path: string, change: (text: string) => string) => all.map((f) => (f.path === path ? { ...f, text: change(f.text) } : f));

describe('provider-commitment worksheet data', () => {
  it('loads from the bundled pack, every cited source listed', () => {
    const { commitments, errors } = loadCommitments(files);
    expect(errors).toEqual([]);
    const sheet = commitments!.worksheet;
    expect(sheet.items.map((i) => i.id)).toEqual(expect.arrayContaining(['sla-read', 'breach-notification', 'data-location', 'exit-terms', 'support-plan']));
    const sources = new Set(sheet.sources.map((s) => s.id));
    for (const item of sheet.items) for (const s of item.sources) expect(sources.has(s)).toBe(true);
  });

  it('refuses a malformed item, naming the file and the path', () => {
    const { errors, commitments } = loadCommitments(edit(files, COMMITMENT_FILES.worksheet, (t) => t.replace('    label: Exit terms\n', '')));
    expect(commitments).toBeUndefined();
    expect(errors).toContainEqual(expect.objectContaining({ file: COMMITMENT_FILES.worksheet, path: expect.stringMatching(/^items\[\d+\]\.label$/) }));
  });

  it('refuses a source an item cites but the file does not list', () => {
    const { errors } = loadCommitments(edit(files, COMMITMENT_FILES.worksheet, (t) => t.replace('sources: [AWS-CA-2019]', 'sources: [AWS-NOWHERE]')));
    expect(errors).toContainEqual(expect.objectContaining({ file: COMMITMENT_FILES.worksheet, path: expect.stringMatching(/^items\[\d+\]\.sources\[0\]$/), message: "unknown source 'AWS-NOWHERE'" }));
  });

  it('the pack check refuses an item linked to a risk template the pack lacks, and a choice the scope question does not have', () => {
    const badRisk = loadPack(edit(packFiles, COMMITMENT_FILES.worksheet, (t) => t.replace('risk: RT-MCL-IR-GAPS', 'risk: RT-MCL-NOTHING')));
    expect(badRisk.errors).toContainEqual(expect.objectContaining({ file: COMMITMENT_FILES.worksheet, path: expect.stringMatching(/^items\[\d+\]\.risk$/), message: "unknown risk template 'RT-MCL-NOTHING'" }));
    const badChoice = loadPack(edit(packFiles, COMMITMENT_FILES.worksheet, (t) => t.replace('namedChoice: other', 'namedChoice: elsewhere')));
    expect(badChoice.errors).toContainEqual({ file: COMMITMENT_FILES.worksheet, path: 'namedChoice', message: "'elsewhere' is not a choice of SCOPE-OTHER-CLOUDS" });
  });

  it('the pack check refuses a multi-cloud risk on an area a provider owns wholly (Demarc cannot name that provider as owner)', () => {
    const { errors } = loadPack(
      edit(packFiles, COMMITMENT_FILES.otherProviders, (t) =>
        t.replace('{ area: identities-users, owners: { infrastructure: customer, container: customer, abstracted: customer }', '{ area: identities-users, owners: { infrastructure: provider, container: provider, abstracted: provider }'),
      ),
    );
    expect(errors).toContainEqual(expect.objectContaining({ file: COMMITMENT_FILES.otherProviders, message: expect.stringContaining('RT-MCL-FRAGMENTED-IDENTITY') }));
  });
});

describe('providers that get a worksheet', () => {
  const { commitments } = loadCommitments(files);
  const { worksheet, otherProviders } = commitments!;
  const label = (c: string) => (c === 'other' ? 'Another provider' : c);

  it('one per provider chosen in scoping, with its matrix; the named choice takes the typed name and has no matrix', () => {
    const providers = scopedProviders({ 'SCOPE-OTHER-CLOUDS': { choices: ['aws', 'other'] } }, worksheet, otherProviders, label, [{ provider: 'other', name: 'Salesforce', answers: [] }]);
    expect(providers.map((p) => [p.choice, p.name, p.matrix?.id])).toEqual([
      ['aws', 'Amazon Web Services', 'aws'],
      ['other', 'Salesforce', undefined],
    ]);
    expect(scopedProviders({ 'SCOPE-OTHER-CLOUDS': { choices: ['none'] } }, worksheet, otherProviders, label)).toEqual([]);
  });

  it('an item never answered is unknown', () => {
    const statuses = worksheetStatuses(worksheet, { provider: 'aws', answers: [{ itemId: 'sla-read', status: 'yes', note: 'read' }] });
    expect(statuses.get('sla-read')).toEqual({ status: 'yes', note: 'read' });
    expect(statuses.get('exit-terms')).toEqual({ status: 'unknown', note: '' });
  });
});
