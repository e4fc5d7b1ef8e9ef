import { defaultPackDir, readPackFiles } from '../../../node/read-pack-files';
import { loadPack } from '../../../core/content/loader';
import type { ContentPack, PackFile } from '../../../core/content/types';

/**
 * The engine-owned files of the bundled pack (header, matrices, frameworks, checks, check templates, fixtures).
 * Without the interview templates the template migrations (many of which point at them) are left out too,
 * and so are the provider-side templates the scope raises (they would appear in every derivation).
 */
export function engineFiles(): PackFile[] {
  return readPackFiles(defaultPackDir).filter(
    (f) =>
      !f.path.startsWith('interview/') &&
      !f.path.startsWith('playbooks/') &&
      !f.path.startsWith('risk-templates/interview-') &&
      f.path !== 'template-migrations.yaml' &&
      // the themes place the interview templates too
      f.path !== 'themes.yaml' &&
      f.path !== 'risk-templates/provider-side.yaml' &&
      // the rating factors read the real scoping questions: baseline ratings without them
      f.path !== 'rating-factors.yaml' &&
      // so do the notification clocks (the IR plan's)
      f.path !== 'notification-clocks.yaml',
  );
}

/** Playbook stubs named by the check risk templates, so the engine files validate on their own. */
export function playbookFiles(): PackFile[] {
  const ids = ['identity-compromise', 'password-spray', 'phishing-bec', 'illicit-consent-grant', 'control-plane-compromise', 'storage-data-exposure',
    'ransomware-destructive-deletion', 'key-vault-secret-exposure', 'cryptomining', 'provider-side-incident'];
  return ids.map((id) => ({
    path: `playbooks/${id}.yaml`,
    text: `id: ${id}\ntitle: ${id}\nsummary: Test playbook.\nselectWhen: { any: [ { always: true } ] }\nsteps:\n  - { phase: containment, actor: customer, text: Contain. }\n`,
  }));
}

/** A small interview used by the engine tests (the real interview is written elsewhere). */
export const testInterview: PackFile = {
  path: 'interview/00-test.yaml',
  text: `domain: { id: scoping, title: Scope, order: 0 }
questions:
  - id: SCOPE-MODELS
    kind: scope
    type: multiple
    text: Which service models?
    choices: [ {id: iaas, label: IaaS}, {id: paas, label: PaaS}, {id: saas, label: SaaS} ]
  - id: SCOPE-M365
    kind: scope
    type: single
    text: Microsoft 365 in scope?
    choices: [ {id: "yes", label: "Yes"}, {id: "no", label: "No"} ]
`,
};

export const testInterviewDomain: PackFile = {
  path: 'interview/01-test.yaml',
  text: `domain: { id: data, title: Data, order: 1 }
questions:
  - id: DAT-01
    text: Does all storage enforce HTTPS?
    type: single
    area: configurations-settings
    serviceModels: [paas]
    choices:
      - { id: all, label: Yes - all storage accounts, score: 100, result: compliant }
      - { id: some, label: Some, score: 50, result: partial }
      - { id: none, label: No, score: 0, result: non-compliant }
    risk: RT-DATA-IN-TRANSIT
    claims: [ST-01]
    mappings: { mcsb: [DP-3], nistCsf: [PR.DS-02] }
  - id: DAT-02
    text: Which backups are in place?
    type: multiple
    area: customer-data
    serviceModels: [iaas, saas]
    visibleWhen: { question: DAT-01, anyOf: [all, some] }
    choices:
      - { id: vm, label: VM backup, score: 50, result: partial }
      - { id: m365, label: M365 backup, score: 50, result: partial }
      - { id: na, label: Nothing to back up, result: not-applicable }
    risk: RT-VM-NO-BACKUP
  - id: DAT-03
    text: Is Microsoft's physical security verified?
    type: single
    area: physical-datacenter
    choices:
      - { id: "yes", label: "Yes", score: 100, result: compliant }
      - { id: "no", label: "No", score: 0, result: non-compliant }
    risk: RT-TEST-PHYSICAL
  - id: DAT-04
    text: M365 only question
    type: single
    area: client-devices
    visibleWhen: { question: SCOPE-M365, anyOf: ["yes"] }
    choices:
      - { id: "yes", label: "Yes", score: 100, result: compliant }
      - { id: "no", label: "No", score: 0, result: non-compliant }
    risk: RT-TEST-DEVICES
`,
};

export const testTemplates: PackFile = {
  path: 'risk-templates/interview-test.yaml',
  text: `templates:
  - id: RT-TEST-PHYSICAL
    title: Provider physical security not verified
    category: provider
    threat: Physical compromise of a datacentre.
    area: physical-datacenter
    likelihood: 1
    impact: 5
    recommendation: { summary: Review the SOC 2 report. }
    effort: low
    userImpact: low
  - id: RT-TEST-DEVICES
    title: Devices unmanaged
    category: m365
    threat: Unmanaged devices leak data.
    area: client-devices
    likelihood: 3
    impact: 3
    recommendation: { summary: Manage devices. }
    effort: medium
    userImpact: medium
`,
};

/** A complete, valid pack: the engine files plus the test interview, templates and playbooks. */
export function testPackFiles(): PackFile[] {
  return [...engineFiles(), ...playbookFiles(), testInterview, testInterviewDomain, testTemplates];
}

export function loadTestPack(): ContentPack {
  const { pack, errors } = loadPack(testPackFiles());
  if (errors.length > 0) throw new Error(`test pack invalid: ${JSON.stringify(errors.slice(0, 5))}`);
  return pack;
}
