import { describe, expect, it } from 'vitest';
import { COMMITMENT_FILES } from '../../../../core/commitments/load';
import { loadPack } from '../../../../core/content/loader';
import type { Answers } from '../../../../core/interview/answers';
import { deriveRisks } from '../../../../core/risks/derive';
import { otherCloudTemplates, ownerChangeDetail, providerOwnerText } from '../../../../core/risks/provider-owner';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';

const packFiles = readPackFiles(defaultPackDir);
const load = (files = packFiles) => {
  const { pack, errors } = loadPack(files);
  expect(errors).toEqual([]);
  return pack;
};
const pack = load();

/** Weak answers to every multi-cloud question, with the given providers in scope. */
function answers(providers: string[]): Answers {
  const a: Answers = { 'SCOPE-MODELS': { choices: ['iaas', 'paas', 'saas'] }, 'SCOPE-OTHER-CLOUDS': { choices: providers } };
  for (const id of ['MCL-01', 'MCL-02', 'MCL-03', 'MCL-04', 'MCL-05', 'MCL-06']) a[id] = { choices: ['no'] };
  a['MCL-02'] = { choices: ['separate'] };
  a['MCL-03'] = { choices: ['none'] };
  return a;
}

const riskOf = (risks: ReturnType<typeof deriveRisks>, templateId: string) => risks.find((r) => r.templateId === templateId)!;

describe('owners of multi-cloud risks, per provider', () => {
  it('the templates the multi-cloud questions raise, and only those, read the other providers’ matrices', () => {
    const templates = otherCloudTemplates(pack, 'SCOPE-OTHER-CLOUDS');
    expect([...templates].sort()).toEqual(['RT-MCL-FRAGMENTED-IDENTITY', 'RT-MCL-FRAGMENTED-LOGGING', 'RT-MCL-FRAGMENTED-POSTURE', 'RT-MCL-IR-GAPS', 'RT-MCL-TERMS-UNREVIEWED', 'RT-MCL-UNPROTECTED-DATA-FLOWS']);
  });

  it('with AWS in scope the owner comes from the AWS matrix cells, cited, not from Microsoft’s', () => {
    const risks = deriveRisks({ pack, answers: answers(['aws']), findings: [] });
    const identity = riskOf(risks, 'RT-MCL-FRAGMENTED-IDENTITY');
    expect(identity.owner).toBe('customer');
    expect(identity.ownerBasis).toEqual([]);
    expect(identity.providerBasis!.map((c) => [c.provider, c.column, c.owner])).toEqual([
      ['aws', 'Infrastructure services (EC2)', 'customer'],
      ['aws', 'Container services (RDS)', 'customer'],
      ['aws', 'Abstracted services (S3, DynamoDB)', 'customer'],
    ]);
    expect(identity.providerBasis![0]!.source).toContain('AWS Well-Architected');
    // a risk the multi-cloud questions do not raise keeps Microsoft's matrix
    expect(risks.filter((r) => !r.templateId.startsWith('RT-MCL-')).every((r) => r.providerBasis === undefined)).toBe(true);
  });

  it('follows the provider’s cells: a split cell makes the owner shared, with the provider-neutral verification', () => {
    // AWS's network row is customer / customer / shared: give a multi-cloud template that area through the matrix under test
    const files = packFiles.map((f) =>
      f.path === COMMITMENT_FILES.otherProviders
        ? { ...f, text: f.text.replace('{ area: identities-users, owners: { infrastructure: customer, container: customer, abstracted: customer }', '{ area: identities-users, owners: { infrastructure: customer, container: shared, abstracted: provider }') }
        : f,
    );
    const risks = deriveRisks({ pack: load(files), answers: answers(['aws']), findings: [] });
    const identity = riskOf(risks, 'RT-MCL-FRAGMENTED-IDENTITY');
    expect(identity.owner).toBe('shared');
    expect(identity.action).toBe('remediate');
    expect(identity.verification).toMatch(/each provider's side/);
    expect(providerOwnerText(identity.providerBasis!, 'Identities and users')).toContain('The Amazon Web Services matrix gives “Identities and users” to the customer in Infrastructure services (EC2); shared in Container services (RDS); the provider in Abstracted services (S3, DynamoDB)');
  });

  it('a provider with no sourced matrix is an unknown cell, said so, and does not decide the owner alone', () => {
    const both = riskOf(deriveRisks({ pack, answers: answers(['aws', 'other']), findings: [] }), 'RT-MCL-IR-GAPS');
    expect(both.owner).toBe('customer');
    expect(both.providerBasis!.at(-1)).toMatchObject({ provider: 'other', owner: 'unknown', basis: 'no-matrix' });
    const onlyOther = riskOf(deriveRisks({ pack, answers: answers(['other']), findings: [] }), 'RT-MCL-IR-GAPS');
    expect(onlyOther.owner).toBe('unknown');
    expect(providerOwnerText(onlyOther.providerBasis!, 'Configurations and settings')).toContain('no sourced responsibility matrix');
  });

  it('each provider in scope has its cells: Google Cloud and Oracle next to AWS', () => {
    const risk = riskOf(deriveRisks({ pack, answers: answers(['aws', 'gcp', 'oracle']), findings: [] }), 'RT-MCL-UNPROTECTED-DATA-FLOWS');
    expect(new Set(risk.providerBasis!.map((c) => c.provider))).toEqual(new Set(['aws', 'gcp', 'oracle']));
    expect(risk.owner).toBe('customer');
  });

  it('keeps risk ids stable when the owner source changes', () => {
    const first = deriveRisks({ pack, answers: answers(['aws']), findings: [] });
    const again = deriveRisks({ pack, answers: answers(['aws', 'gcp']), findings: [], previous: first });
    for (const r of first) expect(again.find((x) => x.templateId === r.templateId)?.id).toBe(r.id);
  });
});

describe('an owner moved by re-derivation', () => {
  it('is said in the history with the provider cells behind the new owner; an unchanged owner says nothing', () => {
    const fresh = riskOf(deriveRisks({ pack, answers: answers(['aws']), findings: [] }), 'RT-MCL-IR-GAPS');
    // a bundle derived before multi-cloud owners: the same risk stored as shared from Microsoft's matrix
    expect(ownerChangeDetail(fresh, 'shared')).toMatch(/^Matrix owner: shared → customer\. The Amazon Web Services matrix gives/);
    expect(ownerChangeDetail(fresh, 'customer')).toBeUndefined();
  });
});
