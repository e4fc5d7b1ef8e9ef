/**
 * Builds `contoso-demo.demarc.json`, the fictional "Contoso Pharma" assessment shipped as
 * the app's demo (Assessments > Create from demo) and usable by the CLI (`--bundle`).
 * Inventory: the check fixtures of the bundled pack (real Resource Graph shapes), moved
 * into Contoso's subscriptions; answers: a plausible mid-maturity client; findings and
 * risks: computed by the engine. Run: `npx tsx assessments/demo/build-contoso-demo.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssessmentBundleSchema, BUNDLE_SCHEMA_VERSION, toBundleResource, type AssessmentBundle, type BusinessService, type ProviderWorksheet } from '../../core/bundle/schema';
import { runChecks } from '../../core/checks/run-checks';
import { loadPack } from '../../core/content/loader';
import { isArgCheck } from '../../core/content/schemas';
import type { Answers } from '../../core/interview/answers';
import { scopeModels, visibleQuestions } from '../../core/interview/flow';
import { normaliseRows, serviceModelLookup } from '../../core/inventory/normalise';
import { estateAvailabilityGaps } from '../../core/risks/availability-gaps';
import { deriveRisks } from '../../core/risks/derive';
import { environmentsOf } from '../../core/risks/environment';
import { defaultPackDir, readPackFiles, repoRoot } from '../../node/read-pack-files';
import type { Finding } from '../../core/checks/run-checks';
import { runGraphChecks } from '../../core/graph/checks/run-graph-checks';
import { GRAPH_COLLECTIONS, graphCollection } from '../../core/graph/collections';
import { graphRowSchema, parseGraphSnapshot, type GraphGap, type GraphRow } from '../../core/graph/snapshot';
import type { BundleSnapshot } from '../../core/bundle/schema';
import { buildReportModel } from '../../core/report/model';
import { preflight } from '../../core/report/preflight';
import { loadTemplate } from '../../core/report/template';
import type { PlanPhase } from '../../core/report/types';
import { readTemplateFolder } from '../../node/template-folder';

const here = import.meta.dirname;
const fixturesDir = join(defaultPackDir, 'checks', 'fixtures');
const { pack, errors } = loadPack(readPackFiles(defaultPackDir));
if (errors.length > 0) console.warn(`content pack has ${errors.length} problem(s); building anyway`);

const PROD = 'b7c1e0a2-5d4f-4e8a-9c3b-1a2b3c4d5e6f';
const RND = 'c8d2f1b3-6e5a-4f9b-8d4c-2b3c4d5e6f70';
const SHARED = 'd9e3a2c4-7f6b-4a0c-9e5d-3c4d5e6f7081';
const TENANT = 'e0f4b3d5-8a7c-4b1d-8f6e-4d5e6f708192';
/**
 * Every subscription id the fixtures use, rows or references, moved into one of Contoso's three
 * in-scope subscriptions: an id left out would show in the report as a fourth, unnamed
 * subscription that the scope never agreed.
 */
const subscriptionMap: Record<string, string> = {
  '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b': PROD,
  '32c17a9e-aa7b-4ba5-a45b-e324116b6fdb': RND,
  '32c17a9e-aa7b-4ba5-a45b-e324116b6fdg': RND, // VM-02/VM-03: a gallery reference, not a valid GUID in the source sample
  '55555555-6666-7777-8888-999999999999': SHARED,
  '00000000-1111-2222-3333-444444444444': SHARED,
  // NW-06's second VNet and its public IPs: alone in Shared Services, so the per-subscription join of public IPs gives the same results
  '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f': SHARED,
  '20ff7fc3-e762-44dd-bd96-b71116dcdc23': PROD, // DF-04: the scale set and workspace its Defender assessments name
  '34adfa4f-cedf-4dc0-ba29-b6d1a69ab345': PROD, // AP-01: the App Service plan of the web apps
  'a7e99807-abbf-4642-bdec-2c809a96a8bc': PROD, // ST-0x: the Synapse workspace a storage account's resource-instance rule admits
  'fa5fc227-a624-475e-b696-cdd604c735bc': PROD, // DB-0x: the user-assigned identity of the Cosmos DB accounts
};

/** The fixtures' placeholder region (the AKS samples' "location1"), given a real one. */
const PLACEHOLDER_REGION = /location1\b/g; // also in AKS node resource group names: MC_<rg>_<cluster>_<region>
const CONTOSO_REGION = 'westeurope';

/**
 * Every resource group the fixtures use, given the name Contoso's platform team would give it:
 * the fixtures' own names (the public samples' myRg, res9101, testrg123...) would tell a client
 * the demo is made of samples. Groups already named the way Contoso names them (rg-app,
 * rg-network...) and Azure's own (NetworkWatcherRG) keep theirs.
 */
const resourceGroupMap: Record<string, string> = {
  myResourceGroup: 'rg-lims-prod', // the LIMS VMs, their registry and AI accounts
  ResourceGroupName: 'rg-lims-dr', // a VM's reference to its pair in the recovery group
  myRg: 'rg-lims-app', // the VMs Defender's assessments name
  res9101: 'rg-clinical-data', // the storage accounts
  res9407: 'rg-lab-archive',
  rg1: 'rg-clinical-platform', // Cosmos DB, NSGs, public IPs
  rg: 'rg-private-link', // private endpoints of the Cosmos DB accounts
  'sample-resource-group': 'rg-keyvault-prod',
  'sqlcrudtest-7398': 'rg-sql-prod',
  testrg123: 'rg-portals-prod', // the web apps
  eu2cgroup: 'rg-identity', // user-assigned managed identities
  peerTest: 'rg-partner-network', // a peering's remote network
  'Default-Network': 'rg-shared-network',
  myresourceGroupName2: 'rg-research-images', // the compute galleries VM-02/VM-03 reference
  myresourceGroupName3: 'rg-research-builds',
};

/**
 * Fixtures whose groups live somewhere else than the map says, each moved as a whole: the AKS
 * clusters (AK-0x) run only in Research's sandbox group, as the platform lead said in the
 * interview (PAS-04), their node resource group (MC_<group>_<cluster>_<region>) with them; NW-06's
 * rg1 is the Shared Services subscription's, where its public IPs front the shared web tier.
 */
const PLACED_FIXTURES: { files: RegExp; groups: Record<string, string>; subscription?: string }[] = [
  { files: /^AK-\d+\./, groups: { rg1: 'rg-research-sandbox', MC_rg1: 'MC_rg-research-sandbox' }, subscription: RND },
  { files: /^NW-06\./, groups: { rg1: 'rg-shared-web' } },
];

/** A name as a whole ARM id segment or column value: not part of a longer name (rg in rg-app, rg1 in MC_rg1_...). */
const wholeName = (name: string): RegExp => new RegExp(`(?<![A-Za-z0-9_.-])${name.replace(/[.-]/g, '\\$&')}(?![A-Za-z0-9.-])`, 'gi');

/** Replaces each `from` with its `to`, in upper case where ARM upper-cased the original (a VM's OS disk id). */
function renamed(text: string, map: Record<string, string>, pattern: (from: string) => RegExp): string {
  let out = text;
  for (const [from, to] of Object.entries(map)) out = out.replace(pattern(from), (m) => (m === m.toUpperCase() && m !== m.toLowerCase() ? to.toUpperCase() : to));
  return out;
}

/** A fixture file's text moved into Contoso's estate: its subscriptions, resource groups, tenant and regions. */
function intoContosoEstate(text: string, file = ''): string {
  const placed = PLACED_FIXTURES.find((p) => p.files.test(file));
  const groups = { ...resourceGroupMap, ...placed?.groups };
  const into = placed?.subscription;
  const subscriptions = into ? Object.fromEntries(Object.keys(subscriptionMap).map((s) => [s, into])) : subscriptionMap;
  let out = renamed(text, groups, wholeName);
  out = renamed(out, subscriptions, (from) => new RegExp(from, 'gi'));
  out = out.replace(/"tenantId": "[0-9a-f-]{36}"/g, `"tenantId": "${TENANT}"`);
  return out.replace(PLACEHOLDER_REGION, CONTOSO_REGION);
}

/** Contoso's two business workloads, named by the workload tags their resources carry. */
const WORKLOADS: Record<string, (row: Record<string, unknown>) => boolean> = {
  LIMS: (r) =>
    (r.type === 'microsoft.compute/virtualmachines' && String(r.resourceGroup).toLowerCase() === 'rg-lims-prod') ||
    String(r.name) === 'agw-prod',
  'Clinical data platform': (r) => ['ddb-hardened', 'ddb1', 'agw-custom'].includes(String(r.name)),
};

function tagWorkloads(rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const workload = Object.entries(WORKLOADS).find(([, member]) => member(row))?.[0];
    if (!workload) continue;
    const tags = row.tags && typeof row.tags === 'object' ? (row.tags as Record<string, unknown>) : {};
    row.tags = { ...tags, workload, environment: 'production' };
  }
}

const SERVICE_DESCRIPTIONS: Record<string, Pick<BusinessService, 'id' | 'description' | 'criticality' | 'rtoMinutes'>> = {
  LIMS: { id: 'lims', description: 'Laboratory information management system: sample tracking and QC results for GxP manufacturing.', criticality: 'critical', rtoMinutes: 240 },
  'Clinical data platform': { id: 'clinical-data', description: 'Clinical-trial data capture and analytics (health data, GxP).', criticality: 'high', rtoMinutes: 1440 },
};

/** Contoso's business services as the consultant named them, with the resources tagged to each. */
function businessServices(): BusinessService[] {
  return Object.entries(WORKLOADS).map(([name]) => ({
    name,
    ...SERVICE_DESCRIPTIONS[name]!,
    resourceIds: resources.filter((r) => (r.raw.tags as Record<string, unknown> | undefined)?.workload === name).map((r) => r.id),
    resourceGroups: [],
    basis: `tag workload=${name}`,
  }));
}

/** The demo's report settings: a draft for review, with the partner, QA reviewer and client sponsor who sign it (fictional). */
function demoDeliverable(): AssessmentBundle['deliverable'] {
  return { status: 'draft', version: '0.9', partner: 'Helen Carter, Demarc Advisory', qaReviewer: 'Daniel Brooks, Demarc Advisory', sponsor: 'Marcus Lindqvist' };
}

/**
 * The AKS fixtures all name one sample's node resource group (MC_<group>_clustername1_<region>);
 * in Azure each cluster has its own, so each cluster's references (its nodeResourceGroup, the
 * outbound IPs in it) name the cluster's.
 */
function ownNodeResourceGroups(rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    if (row.type !== 'microsoft.containerservice/managedclusters') continue;
    const own = `MC_${String(row.resourceGroup)}_${String(row.name)}_${String(row.location)}`;
    Object.assign(row, JSON.parse(JSON.stringify(row).replace(/MC_[^/"]+/g, own)) as Record<string, unknown>);
  }
}

function fixtureRows(): Record<string, unknown>[] {
  // Resource Graph fixtures only: a Graph check's fixtures are tenant settings, not inventory rows
  const argChecks = new Set(pack.checks.filter(isArgCheck).map((c) => c.id));
  const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.json') && argChecks.has(f.split('.')[0]!));
  // pass fixtures first: where a pass and a fail row share an id, the failing one stays
  const ordered = [...files.filter((f) => f.endsWith('.pass.json')), ...files.filter((f) => f.endsWith('.fail.json'))];
  const rows: Record<string, unknown>[] = [];
  for (const file of ordered) {
    rows.push(...(JSON.parse(intoContosoEstate(readFileSync(join(fixturesDir, file), 'utf8'), file)) as Record<string, unknown>[]));
  }
  tagWorkloads(rows);
  ownNodeResourceGroups(rows);
  rows.push(
    ...[
      [PROD, 'Contoso Pharma Production'],
      [RND, 'Contoso Pharma Research'],
      [SHARED, 'Contoso Pharma Shared Services'],
    ].map(([id, name]) => ({
      id: `/subscriptions/${id}`,
      name,
      type: 'microsoft.resources/subscriptions',
      subscriptionId: id,
      tenantId: TENANT,
      properties: { displayName: name, state: 'Enabled' },
    })),
  );
  return rows;
}

/** Who attended the workshop (they also answered the questions). */
const ATTENDEES = [
  { name: 'Marcus Lindqvist', role: 'Chief Information Security Officer' },
  { name: 'Priya Natarajan', role: 'Head of IT Operations' },
  { name: 'Tom Becker', role: 'IT Service Manager (Microsoft support contract owner)' },
  { name: 'Aisha Rahman', role: 'Azure Platform Lead' },
  { name: 'Dana Okafor', role: 'Data Protection Officer' },
];

const contact = (n: number, name: string, role: string, phone: string, roles: string[], extra: { email?: string; organisation?: string; deputy?: string } = {}): AssessmentBundle['contacts'][number] => ({
  id: `c0a7e5d1-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  name,
  role,
  ...(extra.organisation ? { organisation: extra.organisation } : {}),
  ...(extra.email ? { email: extra.email } : {}),
  phone,
  responsibilities: [...roles.map((r) => `IR role: ${r}`), ...(extra.deputy ? [`Deputy: ${extra.deputy}`] : [])],
});

/**
 * People outside Contoso the plan calls on, each with their organisation: Microsoft's account
 * manager (named in the escalation notes) beside the contract owner, and the insurer's panel
 * counsel beside the DPO. Fictional, like the rest of the demo; numbers in Ofcom's drama range.
 */
function outsideContacts(): AssessmentBundle['contacts'] {
  return [
    contact(9, 'Jordan Ellis', 'Customer Success Account Manager (Unified contract UNI-4471-CP)', '+44 20 7946 0199', ['microsoft-support'], { organisation: 'Microsoft', email: 'jordan.ellis@microsoft.example' }),
    contact(10, 'Helen Osei', 'External counsel, breach response (insurer panel firm)', '+44 20 7946 0180', ['legal-dpo'], { organisation: 'Lucerne Legal LLP', email: 'helen.osei@lucerne-legal.example' }),
  ];
}

/** Contoso's IR setup as the consultant recorded it in the workshop: roles, decision rights, clocks. */
function incidentResponseSetup(): Pick<AssessmentBundle, 'contacts' | 'incidentResponse'> {
  const mail = (local: string): { email: string } => ({ email: `${local}@contoso-pharma.example` });
  return {
    contacts: [
      contact(1, 'Priya Natarajan', 'Head of IT Operations (incident commander)', '+44 20 7946 0101', ['incident-lead'], { ...mail('priya.natarajan'), deputy: 'Aisha Rahman' }),
      contact(2, 'Tom Becker', 'IT Service Manager (Microsoft support contract owner)', '+44 20 7946 0102', ['microsoft-support'], mail('tom.becker')),
      contact(3, 'Dana Okafor', 'Data Protection Officer', '+44 20 7946 0103', ['legal-dpo'], mail('dpo')),
      contact(4, 'Aisha Rahman', 'Azure Platform Lead', '+44 20 7946 0104', ['incident-deputy', 'it-cloud-platform'], mail('aisha.rahman')),
      contact(5, 'Marcus Lindqvist', 'Chief Information Security Officer', '+44 20 7946 0105', ['ciso-sponsor'], mail('marcus.lindqvist')),
      contact(6, 'Sofia Lindqvist', 'Head of Corporate Communications', '+44 20 7946 0106', ['communications'], mail('sofia.lindqvist')),
      contact(7, 'Fabrikam Security SOC', 'MSSP hotline (retainer FS-2291)', '+44 20 7946 0150', ['mssp'], { organisation: 'Fabrikam Security', email: 'soc@fabrikam-security.example' }),
      contact(8, 'Northwind Insurance claims line', 'Cyber insurer (policy NW-CY-88213)', '+44 20 7946 0170', ['insurer'], { organisation: 'Northwind Insurance' }),
      ...outsideContacts(),
    ],
    incidentResponse: {
      supportPlan: 'Unified Support (Enterprise)',
      escalationNotes: [
        'Unified Support (Enterprise) with Enhanced Designated Engineering for Azure; contract owner Tom Becker.',
        'Severity A cases: open in the Azure portal (Help + support), then call the Customer Success Account Manager on +44 20 7946 0199 and quote contract UNI-4471-CP.',
        'Out of hours: Microsoft Unified support line +44 344 800 2400 (24x7 for severity A); the on-call platform engineer may open the case, Priya Natarajan approves severity A.',
        'The MSSP (Fabrikam Security, retainer FS-2291) is engaged in parallel through its hotline +44 20 7946 0150.',
      ].join('\n'),
      outOfBandChannel: 'Conference bridge +44 20 7946 0190 (PIN on the printed card) and the "Contoso IR" Signal group; both independent of the Contoso tenant. Tested in the October 2026 exercise.',
      planApprover: 'Marcus Lindqvist (CISO)',
      decisionRights: [
        { decision: 'Isolate the LIMS (take it off the network or stop it)', holder: 'Priya Natarajan', deputy: 'Aisha Rahman' },
        { decision: 'Isolate the Clinical data platform', holder: 'Priya Natarajan', deputy: 'Aisha Rahman' },
        { decision: 'Invoke disaster recovery for the LIMS or the Clinical data platform', holder: 'Marcus Lindqvist', deputy: 'Priya Natarajan' },
        { decision: 'Take Microsoft 365 offline or block sign-ins tenant-wide', holder: 'Marcus Lindqvist', deputy: 'Priya Natarajan' },
        { decision: 'Engage Microsoft Incident Response or another IR firm', holder: 'Marcus Lindqvist', deputy: 'Priya Natarajan' },
        { decision: 'Notify regulators (ICO, EU supervisory authority) and the people affected', holder: 'Dana Okafor', deputy: 'Marcus Lindqvist' },
      ],
      contractualClocks: [
        { counterparty: 'Clinical trial sponsors', deadline: '24 hours from awareness of a breach affecting trial data', source: 'Clinical trial agreement template, clause 14.3' },
        { counterparty: 'Northwind Insurance (cyber policy)', deadline: 'As soon as practicable, and before engaging any responder outside the insurer’s panel', source: 'Policy NW-CY-88213, notification condition' },
      ],
    },
  };
}

/**
 * What the consultant wrote beside an answer in the workshop, keyed by question and the choice
 * it explains (a note is dropped if the demo's answer to that question ever changes). Most
 * answers have none, as in a real interview log.
 */
const WORKSHOP_NOTES: Record<string, string> = {
  'SLA-04:annual': 'Checked with the DPA review each April; moving the LIMS onto Azure VMs in 2025 did not trigger one.',
  'SLA-08:some': 'Alerts on the production subscription only; Microsoft 365 messages reach the service owner by email.',
  'GOV-02:hierarchy': 'Landing-zone hierarchy built by the platform team in 2025; Aisha to send the management group export.',
  'GOV-06:regions-only': 'An "Allowed locations" policy exists but in audit mode; resource types are not restricted.',
  'DEF-03:unknown': 'Defender for Cloud is run by the MSSP; Fabrikam to confirm which initiative is assigned where.',
  'IDN-03:mixed': 'SMS kept for about 300 laboratory shift staff without company phones.',
  'IDN-09:manual': 'HR emails a weekly leavers list; contractors are not on it.',
  'PAM-06:unknown': 'PIM came with the E5 licences; nobody present knew whether roles were made eligible.',
  'PAM-12:yearly': 'Reviewed in the annual ISO 27001 internal audit, last in June 2026.',
  'DAT-10:partial': 'Sensitivity labels on clinical documents only; exports from the LIMS are not restricted.',
  'NET-03:exceptions': 'Two in the exceptions register: the instrument gateway VM and a vendor jump host.',
  'WKL-03:scan-only': 'Defender findings read monthly; no patching deadline agreed with the LIMS vendor.',
  'WKL-07:planned': 'Two Windows Server 2012 R2 VMs run the instrument interface; replacement planned for Q2 2027.',
  'DSO-03:scan-only': 'Push protection was turned off when it blocked the vendor’s test keys.',
  'LOG-03:long': 'Audit Premium with E5; events also forwarded to the MSSP’s SIEM.',
  'LOG-08:some': 'NSG and policy changes alert on production only, set up after a 2025 change went unnoticed.',
  'BKP-03:retention': 'Retention-only decision recorded by the change board in 2024; no backup product budgeted.',
  'BKP-07:tested': 'LIMS failover to the secondary region tested in May 2026 (report DR-2026-05).',
  'TPR-06:managed': 'Cross-tenant access open to the two CRO partners’ tenants only; guests reviewed quarterly.',
  'M365-03:monitor': 'DMARC at p=none on the main domain since 2025; the two trial-site domains have no DKIM.',
  'MCL-01:unknown': 'The AWS agreement was signed by procurement in 2019; legal hold the only copy.',
  'MCL-05:partial': 'The plan names Microsoft only; there is no AWS contact in it.',
  'PAM-10:older': 'Last tested in the March 2026 exercise; the sign-in alert went to a retired mailbox.',
};

/** A mid-maturity client: scope first, then a deterministic mix of good, partial and poor answers. */
function demoAnswers(): Answers {
  const answers: Answers = {
    'SCOPE-MODELS': { choices: ['iaas', 'paas', 'saas'], note: 'VM-hosted LIMS, App Service portals, Microsoft 365 for all staff.' },
    'SCOPE-M365': { choices: ['yes'] },
    'SCOPE-OTHER-CLOUDS': { choices: ['aws'], note: 'A legacy sample-tracking system runs on AWS (EC2 and RDS) until its migration in 2027.' },
    'SCOPE-REGULATED': { choices: ['personal-data', 'health'], note: 'Clinical trial data (GxP) and staff personal data.' },
    'SCOPE-CRITICALITY': { choices: ['high'] },
    'SCOPE-SECTOR': { choices: ['life-sciences'], note: 'Pharmaceutical research, clinical trials and GxP manufacturing.' },
    'SCOPE-JURISDICTIONS': { choices: ['uk', 'eu'], note: 'UK head office and laboratories; trial sites and patients in the EU.' },
  };
  let n = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const { questions } of visibleQuestions(pack, answers)) {
      for (const q of questions) {
        if (answers[q.id] || q.kind === 'scope') continue;
        n++;
        const scored = q.choices.filter((c) => c.result !== 'not-applicable');
        const pick = n % 5 === 0 ? scored[scored.length - 1] : n % 3 === 0 ? scored[0] : (scored[1] ?? scored[0]);
        if (!pick) continue;
        answers[q.id] = { choices: [pick.id], answeredAt: '2026-11-24T10:00:00Z', answeredBy: ATTENDEES[n % ATTENDEES.length]!.name };
        const note = WORKSHOP_NOTES[`${q.id}:${pick.id}`];
        if (note) answers[q.id]!.note = note;
        if (n % 7 === 0) answers[q.id]!.evidence = ['Contoso ISMS policy CP-SEC-004 v3.2'];
      }
    }
  }
  // a consultant's not-applicable mark: no choice of the question says so
  if (answers['PAS-04'])
    answers['PAS-04'] = {
      choices: [],
      notApplicable: true,
      note: 'AKS runs only in the research sandbox (rg-research-sandbox in the Research subscription), with no production or GxP workloads; runtime protection was not discussed. The inventory checks still cover its clusters.',
      answeredAt: '2026-11-24T10:00:00Z',
      answeredBy: 'Aisha Rahman',
    };
  return answers;
}

/**
 * The AWS worksheet filled in the workshop for the legacy sample-tracking system (fictional
 * answers; two items the client could not answer are left unknown, one is not answered at all).
 */
function awsWorksheet(): ProviderWorksheet {
  return {
    provider: 'aws',
    answers: [
      { itemId: 'sla-read', status: 'partial', note: 'EC2 and RDS SLAs read in 2024 when the system moved; single-AZ RDS instance, so the lower single-instance figure applies. Credit claim process not known to the team.' },
      { itemId: 'breach-notification', status: 'unknown', note: 'Nobody present knew the notification terms of the AWS agreement Contoso signed; legal to confirm.' },
      { itemId: 'data-location', status: 'yes', note: 'All resources in eu-west-2 (London); snapshots copied to eu-west-1 (Ireland), approved by the DPO in 2024.' },
      { itemId: 'exit-terms', status: 'no', note: 'Exit not planned; the 2027 migration to Azure assumes the data can be exported at any time.' },
      { itemId: 'support-plan', status: 'partial', note: 'Business Support on the production account only; the on-call engineer does not have the account credentials to open a case.' },
      { itemId: 'backup', status: 'yes', note: 'RDS automated backups, 14 days, plus a weekly manual snapshot; restore last tested in March 2026.' },
      { itemId: 'patching', status: 'partial', note: 'RDS minor versions auto-applied in the Sunday window; the EC2 application server is patched by hand, last in August 2026.' },
    ],
  };
}

const GRAPH_SNAPSHOT_ID = 'c0a7e5d1-0000-4000-8000-000000000002';
/** The fixtures' tenant id, replaced by the demo tenant's. */
const FIXTURE_TENANT = '11111111-2222-3333-4444-555555555555';
/** Contoso has no Microsoft Entra ID P2: Graph refuses PIM's schedules as it does without the licence (docs/graph-collector.md). */
const PIM_GAP_COLLECTIONS = ['roleEligibilitySchedules', 'roleAssignmentSchedules'] as const;

/**
 * The demo's Microsoft Graph pull: the objects of the Graph checks' fail fixtures (the first
 * fixture naming an object wins), moved into the demo tenant; PIM's schedules are a licence
 * gap. Returns the bundle snapshot and the Graph findings, which name it.
 */
function graphEvidence(): { snapshot: BundleSnapshot; findings: (Finding & { snapshotId: string })[]; breakGlassAccounts: string[] } {
  const rows = new Map<string, GraphRow>();
  let breakGlassAccounts: string[] = [];
  for (const file of readdirSync(fixturesDir).filter((f) => /^GR-\d+\.fail\.json$/.test(f)).sort()) {
    for (const item of JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Record<string, unknown>[]) {
      const settings = item.settings as { breakGlassAccounts?: string[] } | undefined;
      if (settings) breakGlassAccounts = settings.breakGlassAccounts ?? breakGlassAccounts;
      else {
        const row = graphRowSchema.parse(JSON.parse(JSON.stringify(item).replaceAll(FIXTURE_TENANT, TENANT)));
        if (!rows.has(`${row.type}|${row.id}`)) rows.set(`${row.type}|${row.id}`, row);
      }
    }
  }
  const gapTypes = new Set<string>(PIM_GAP_COLLECTIONS.map((c) => graphCollection(c).type));
  const data = [...rows.values()].filter((r) => !gapTypes.has(r.type));
  const organization = data.find((r) => r.type === graphCollection('organization').type)!;
  organization.object.displayName = 'Contoso Pharma Ltd (fictional)';
  const gaps: GraphGap[] = PIM_GAP_COLLECTIONS.map((c) => ({ collection: c, type: graphCollection(c).type, kind: 'licence', httpStatus: 400, code: 'AadPremiumLicenseRequired', message: 'The tenant needs an AAD Premium 2 license.' }));
  const snapshot = parseGraphSnapshot({
    demarcGraphSnapshot: {
      schemaVersion: 1,
      source: 'pull',
      tenantId: TENANT,
      tenantName: 'Contoso Pharma Ltd (fictional)',
      cloud: 'public',
      graphEndpoint: 'https://graph.microsoft.com',
      startedAt: '2026-11-24T09:40:00.000Z',
      capturedAt: '2026-11-24T09:41:00.000Z',
      collections: GRAPH_COLLECTIONS.map((c) => {
        const count = data.filter((r) => r.type === c.type).length;
        return { collection: c.id, type: c.type, status: gapTypes.has(c.type) ? 'gap' : 'complete', rows: count, pages: gapTypes.has(c.type) ? 0 : 1 };
      }),
      gaps,
    },
    data,
  });
  const run = runGraphChecks(snapshot, { matrix, settings: { breakGlassAccounts }, includeNotApplicable: false });
  return {
    snapshot: {
      id: GRAPH_SNAPSHOT_ID,
      takenAt: snapshot.demarcGraphSnapshot.capturedAt,
      source: 'graph-pull',
      rowCount: snapshot.data.length,
      subscriptions: [],
      tenantId: TENANT,
      notAssessed: run.notAssessed.map((n) => ({ checkId: n.checkId, reason: n.reason })),
      gaps,
    },
    findings: run.findings.map((f) => ({ ...f, snapshotId: GRAPH_SNAPSHOT_ID })),
    breakGlassAccounts,
  };
}

/**
 * The emergency access accounts the consultant named in the workshop (Inventory, beside
 * PAM-09): the GR-09 fixture's two cloud-only accounts, which the demo's Graph pull holds and
 * its checks used. Recorded in the bundle so the app checks a new Graph pull with them too.
 */
function demoGraphSettings(breakGlassAccounts: string[]): Pick<AssessmentBundle, 'graphSettings'> {
  return breakGlassAccounts.length > 0 ? { graphSettings: { breakGlassAccounts } } : {};
}

/**
 * Who leads each workstream (the report's themes) on Contoso's side, named by the CISO at the
 * read-out; each role answers the theme's `ownerRole` in themes.yaml. Five leads did not sit in
 * the interviews and join the attendees (READOUT_ATTENDEES).
 */
const WORKSTREAM_LEADS: Record<string, { name: string; role: string }> = {
  'sign-in': { name: 'Jonas Weber', role: 'Identity and Access Lead' },
  'privileged-access': { name: 'Jonas Weber', role: 'Identity and Access Lead' },
  'internet-exposure': { name: 'Aisha Rahman', role: 'Azure Platform Lead' },
  'data-protection': { name: 'Leila Haddad', role: 'Information Security Manager' },
  'servers-applications': { name: 'Aisha Rahman', role: 'Azure Platform Lead' },
  'detection-response': { name: 'Ravi Menon', role: 'Security Operations Lead' },
  resilience: { name: 'Priya Natarajan', role: 'Head of IT Operations' },
  'm365-collaboration': { name: 'Elena Costa', role: 'Microsoft 365 Service Owner' },
  'governance-guardrails': { name: 'Kenji Sato', role: 'Cloud Governance Lead' },
  'responsibility-suppliers': { name: 'Tom Becker', role: 'IT Service Manager' },
};
const READOUT_ATTENDEES = ['Jonas Weber', 'Leila Haddad', 'Ravi Menon', 'Elena Costa', 'Kenji Sato'].map((name) => ({
  name,
  role: `${Object.values(WORKSTREAM_LEADS).find((l) => l.name === name)!.role} (read-out only)`,
}));

const READOUT = '2026-11-24';
const RECORDED_AT = '2026-11-24T16:30:00.000Z';
const CONSULTANT = 'Alex Morgan';
/** Friday of the first week after the read-out: "Don't know" answers are confirmed by then. */
const VERIFY_BY = '2026-12-04';
/** Due dates agreed at the read-out: the end of the roadmap phase the fix starts in; live issues within the week. */
const DAYS_TO_DUE: Record<PlanPhase, number> = { '30': 30, '90': 90, later: 180 };
const ACT_NOW_DAYS = 7;

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Records what the client agreed at the read-out: each risk's action owner (its workstream's
 * lead) and due date (the roadmap's phase for it, which follows the current rating, effort and
 * prerequisites), as history entries like the app's edits. Reads the report model of the bundle
 * as built, so owners and dates follow the same themes and plan the report prints.
 */
async function recordActionOwners(bundle: AssessmentBundle): Promise<void> {
  const { template, problems } = loadTemplate((await readTemplateFolder(join(repoRoot, 'templates', 'default'))).files);
  if (!template) throw new Error(`default template: ${problems.map((p) => p.message).join('; ')}`);
  const model = buildReportModel(bundle, pack, template, {});
  const themeOfRisk = new Map(model.themes.flatMap((t) => t.risks.map((r) => [r.id, t.id] as const)));
  const phaseOfRisk = new Map(model.plan.phases.flatMap((p) => p.workstreams.flatMap((w) => w.items.map((i) => [i.risk.id, i.phase] as const))));
  const actNow = new Set(model.actNow.map((a) => a.riskId));
  for (const r of bundle.risks) {
    if (r.treatment === 'accept') continue;
    const lead = WORKSTREAM_LEADS[themeOfRisk.get(r.id) ?? ''];
    const phase = phaseOfRisk.get(r.id);
    if (!lead || !phase) throw new Error(`${r.id}: no workstream lead or roadmap phase (theme ${themeOfRisk.get(r.id)})`);
    r.actionOwner = `${lead.name} (${lead.role})`;
    r.dueDate = addDays(READOUT, actNow.has(r.id) ? ACT_NOW_DAYS : DAYS_TO_DUE[phase]);
    r.history.push(
      { at: RECORDED_AT, action: 'actionOwner', detail: `Action owner: — → ${r.actionOwner}`, by: CONSULTANT },
      { at: RECORDED_AT, action: 'dueDate', detail: `Due date: — → ${r.dueDate}`, by: CONSULTANT },
    );
  }
}

/**
 * The pre-flight items the consultant accepted rather than fixed, each with its reason: risks
 * resting only on "Don't know" stay in the report as to verify, and their owner confirms them in
 * the first week; the two answers the IR setup outdates stay as given (the report states the
 * record). Run after `recordActionOwners` (the reasons name the owners).
 */
function acceptedPreflight(bundle: AssessmentBundle): NonNullable<NonNullable<AssessmentBundle['deliverable']>['preflightAccepted']> {
  const byId = new Map(bundle.risks.map((r) => [r.id, r]));
  const accept = (itemId: string, reason: string) => ({ itemId, reason, by: CONSULTANT, at: RECORDED_AT });
  const dontKnow = preflight({ bundle, pack })
    .items.filter((i) => i.kind === 'dont-know')
    .map((i) => {
      const r = byId.get(i.id.slice('dont-know:'.length))!;
      const questions = r.evidence.answers.map((a) => a.questionId).join(', ');
      const owner = r.actionOwner!.replace(/ \(.*\)$/, '');
      return accept(i.id, `Nobody present could answer ${questions}; the report lists ${r.id} as to verify, rated as if the weakness were there. ${owner} confirms by ${VERIFY_BY}; we then close it or keep it as rated.`);
    });
  return [
    accept(
      'contradiction:support-plan',
      'IRP-05 stays as answered in the workshop (“Don’t know”); Tom Becker sent the Unified Support contract the same afternoon and the IR setup records it, so the report states the recorded plan. He confirms who may open a severity A case out of hours by ' + VERIFY_BY + '.',
    ),
    accept(
      'contradiction:security-partner',
      'TPR-01 stays as answered in the workshop (“Don’t know”); the IR setup records the Fabrikam Security retainer FS-2291 and the report quotes it. Tom Becker confirms with Fabrikam whether the retainer covers 24x7 monitoring and incident response by ' + VERIFY_BY + '.',
    ),
    ...dontKnow,
  ];
}

const takenAt = '2026-11-24T09:30:00.000Z';
const created = '2026-11-23T08:00:00.000Z';
const snapshotId = 'c0a7e5d1-0000-4000-8000-000000000001';
const matrix = pack.matrices.get(pack.header.defaultMatrix)!;
const resources = normaliseRows(fixtureRows(), serviceModelLookup(pack.serviceModels));
const graph = graphEvidence();
const findings = [...runChecks(resources, pack.checks, { matrix, includeNotApplicable: false }), ...graph.findings];
const answers = demoAnswers();
const factors = pack.ratingFactors?.impact.nonProduction;
const environments = factors ? environmentsOf(resources.map((r) => r.raw), factors) : undefined;
const services = businessServices();
// the services' tolerance gaps raise the availability-gap risk as the app's register does
const availabilityGaps = estateAvailabilityGaps(pack, resources, services, answers);
const risks = deriveRisks({ pack, answers, findings, matrixId: matrix.id, environments, availabilityGaps });
const first = risks[0];
if (first) {
  first.treatment = 'mitigate';
  first.residual = { likelihood: 2, impact: first.impact, level: pack.riskMatrix.grid[1]![first.impact - 1]! };
  first.history.push({ at: '2026-11-24T15:10:00.000Z', action: 'treatment', detail: 'Treatment: — → mitigate', by: 'Alex Morgan' });
}

const bundle: AssessmentBundle = {
  format: 'demarc-assessment',
  schemaVersion: BUNDLE_SCHEMA_VERSION,
  exportedAt: '2026-11-24T17:00:00.000Z',
  assessment: {
    id: 'c0a7e5d1-0000-4000-8000-000000000000',
    name: 'Contoso Pharma — Azure and Microsoft 365 shared-responsibility review (demo)',
    client: 'Contoso Pharma Ltd (fictional)',
    consultant: 'Alex Morgan, Sam Lee',
    status: 'in-progress',
    createdAt: created,
    updatedAt: '2026-11-24T17:00:00.000Z',
    packId: pack.header.id,
    packVersion: pack.header.version,
    matrixId: matrix.id,
    matrixVersion: matrix.version,
    riskMatrixId: pack.riskMatrix.id,
    riskMatrixVersion: pack.riskMatrix.version,
    engagement: {
      engagementId: 'ENG-2026-0147',
      startDate: '2026-11-23',
      endDate: '2026-11-24',
      attendees: [...ATTENDEES, ...READOUT_ATTENDEES],
      classification: 'Strictly confidential',
    },
    scope: {
      serviceModels: scopeModels(answers) ?? [],
      subscriptions: [PROD, RND, SHARED],
      notes:
        'Purpose: a shared-responsibility risk assessment of Contoso Pharma’s Azure subscriptions and Microsoft 365 tenant. In scope: production, research and shared-services subscriptions; Exchange Online, SharePoint, Teams. Out of scope: on-premises data centre, OT networks. Answers are recorded as given and checked against the Azure inventory where possible.',
    },
  },
  answers,
  ...incidentResponseSetup(),
  businessServices: services,
  providerWorksheets: [awsWorksheet()],
  deliverable: demoDeliverable(),
  ...demoGraphSettings(graph.breakGlassAccounts),
  inventory: {
    snapshots: [
      { id: snapshotId, takenAt, source: 'file-import', format: 'rows-array', fileName: 'contoso-pharma-arg-export.json', rowCount: resources.length, subscriptions: [PROD, RND, SHARED] },
      graph.snapshot,
    ],
    resources: resources.map((r) => toBundleResource(r, snapshotId)),
    findings,
  },
  risks,
  contentPack: { id: pack.header.id, version: pack.header.version },
};

await recordActionOwners(bundle);
bundle.deliverable = { ...bundle.deliverable, preflightAccepted: acceptedPreflight(bundle) };

const parsed = AssessmentBundleSchema.safeParse(bundle);
if (!parsed.success) {
  console.error(parsed.error.issues.slice(0, 10));
  process.exit(1);
}
writeFileSync(join(here, 'contoso-demo.demarc.json'), `${JSON.stringify(bundle, null, 2)}\n`);
const check = preflight({ bundle, pack });
console.log(`pre-flight: ${check.items.length} item(s), ${check.items.filter((i) => i.accepted).length} accepted, ${check.open} open (${check.openBlockers} blocker(s))`);
const byStatus = (status: string) => risks.filter((r) => r.evidenceStatus === status).length;
console.log(
  `contoso-demo.demarc.json: ${resources.length} resources, ${graph.snapshot.rowCount} Graph objects (${graph.snapshot.gaps?.length ?? 0} gap(s), ${graph.snapshot.notAssessed?.length ?? 0} check(s) not assessed), ${findings.filter((f) => f.status === 'fail').length} failing findings (${graph.findings.filter((f) => f.status === 'fail').length} from Graph), ${Object.keys(answers).length} answers, ${risks.length} risks: ${byStatus('verified')} verified, ${byStatus('reported')} reported, ${byStatus('contradicted')} contradicted`,
);
