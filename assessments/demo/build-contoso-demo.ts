/**
 * Builds `contoso-demo.demarc.json`, the fictional "Contoso Pharma" assessment shipped as
 * the app's demo (Assessments > Create from demo) and usable by the CLI (`--bundle`).
 * Inventory: the check fixtures of the bundled pack (real Resource Graph shapes), moved
 * into Contoso's subscriptions; answers: a plausible mid-maturity client; findings and
 * risks: computed by the engine. Run: `npx tsx assessments/demo/build-contoso-demo.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssessmentBundleSchema, BUNDLE_SCHEMA_VERSION, toBundleResource, type AssessmentBundle, type BusinessService } from '../../core/bundle/schema';
import { runChecks } from '../../core/checks/run-checks';
import { loadPack } from '../../core/content/loader';
import { isArgCheck } from '../../core/content/schemas';
import type { Answers } from '../../core/interview/answers';
import { scopeModels, visibleQuestions } from '../../core/interview/flow';
import { normaliseRows, serviceModelLookup } from '../../core/inventory/normalise';
import { deriveRisks } from '../../core/risks/derive';
import { environmentsOf } from '../../core/risks/environment';
import { defaultPackDir, readPackFiles } from '../../node/read-pack-files';

const here = import.meta.dirname;
const fixturesDir = join(defaultPackDir, 'checks', 'fixtures');
const { pack, errors } = loadPack(readPackFiles(defaultPackDir));
if (errors.length > 0) console.warn(`content pack has ${errors.length} problem(s); building anyway`);

const PROD = 'b7c1e0a2-5d4f-4e8a-9c3b-1a2b3c4d5e6f';
const RND = 'c8d2f1b3-6e5a-4f9b-8d4c-2b3c4d5e6f70';
const SHARED = 'd9e3a2c4-7f6b-4a0c-9e5d-3c4d5e6f7081';
const TENANT = 'e0f4b3d5-8a7c-4b1d-8f6e-4d5e6f708192';
const subscriptionMap: Record<string, string> = {
  '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b': PROD,
  '32c17a9e-aa7b-4ba5-a45b-e324116b6fdb': RND,
  '55555555-6666-7777-8888-999999999999': SHARED,
  '00000000-1111-2222-3333-444444444444': SHARED,
};

/** Contoso's two business workloads, named by the workload tags their resources carry. */
const WORKLOADS: Record<string, (row: Record<string, unknown>) => boolean> = {
  LIMS: (r) =>
    (r.type === 'microsoft.compute/virtualmachines' && String(r.resourceGroup).toLowerCase() === 'myresourcegroup') ||
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

function fixtureRows(): Record<string, unknown>[] {
  // Resource Graph fixtures only: a Graph check's fixtures are tenant settings, not inventory rows
  const argChecks = new Set(pack.checks.filter(isArgCheck).map((c) => c.id));
  const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.json') && argChecks.has(f.split('.')[0]!));
  // pass fixtures first: where a pass and a fail row share an id, the failing one stays
  const ordered = [...files.filter((f) => f.endsWith('.pass.json')), ...files.filter((f) => f.endsWith('.fail.json'))];
  const rows: Record<string, unknown>[] = [];
  for (const file of ordered) {
    let text = readFileSync(join(fixturesDir, file), 'utf8');
    for (const [from, to] of Object.entries(subscriptionMap)) text = text.split(from).join(to);
    text = text.replace(/"tenantId": "[0-9a-f-]{36}"/g, `"tenantId": "${TENANT}"`);
    rows.push(...(JSON.parse(text) as Record<string, unknown>[]));
  }
  tagWorkloads(rows);
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

/** A mid-maturity client: scope first, then a deterministic mix of good, partial and poor answers. */
function demoAnswers(): Answers {
  const answers: Answers = {
    'SCOPE-MODELS': { choices: ['iaas', 'paas', 'saas'], note: 'VM-hosted LIMS, App Service portals, Microsoft 365 for all staff.' },
    'SCOPE-M365': { choices: ['yes'] },
    'SCOPE-OTHER-CLOUDS': { choices: ['aws'], note: 'A legacy sample-tracking system runs on AWS (EC2 and RDS) until its migration in 2027.' },
    'SCOPE-REGULATED': { choices: ['personal-data', 'health'], note: 'Clinical trial data (GxP) and staff personal data.' },
    'SCOPE-CRITICALITY': { choices: ['high'] },
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
        if (n % 4 === 0) answers[q.id]!.note = 'Confirmed by the Head of IT Operations during the workshop.';
        if (n % 7 === 0) answers[q.id]!.evidence = ['Contoso ISMS policy CP-SEC-004 v3.2'];
      }
    }
  }
  // a consultant's not-applicable mark: no choice of the question says so
  if (answers['PAS-04'])
    answers['PAS-04'] = {
      choices: [],
      notApplicable: true,
      note: 'AKS runs only in a research sandbox outside the agreed scope.',
      answeredAt: '2026-11-24T10:00:00Z',
      answeredBy: 'Aisha Rahman',
    };
  return answers;
}

const takenAt = '2026-11-24T09:30:00.000Z';
const created = '2026-11-23T08:00:00.000Z';
const snapshotId = 'c0a7e5d1-0000-4000-8000-000000000001';
const matrix = pack.matrices.get(pack.header.defaultMatrix)!;
const resources = normaliseRows(fixtureRows(), serviceModelLookup(pack.serviceModels));
const findings = runChecks(resources, pack.checks, { matrix, includeNotApplicable: false });
const answers = demoAnswers();
const factors = pack.ratingFactors?.impact.nonProduction;
const environments = factors ? environmentsOf(resources.map((r) => r.raw), factors) : undefined;
const risks = deriveRisks({ pack, answers, findings, matrixId: matrix.id, environments });
const first = risks[0];
if (first) {
  first.treatment = 'mitigate';
  first.actionOwner = 'Priya Natarajan (Head of IT Operations)';
  first.dueDate = '2027-01-31';
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
      attendees: ATTENDEES,
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
  contacts: [
    { id: 'c0a7e5d1-0000-4000-8000-0000000000c1', name: 'Priya Natarajan', role: 'Incident commander', email: 'priya.natarajan@contoso-pharma.example', phone: '+44 20 7946 0101', responsibilities: ['Deputy: Tom Becker'] },
    { id: 'c0a7e5d1-0000-4000-8000-0000000000c2', name: 'Tom Becker', role: 'Microsoft support contract owner', email: 'tom.becker@contoso-pharma.example', phone: '+44 20 7946 0102' },
    { id: 'c0a7e5d1-0000-4000-8000-0000000000c3', name: 'Dana Okafor', role: 'Data protection officer', email: 'dpo@contoso-pharma.example', phone: '+44 20 7946 0103' },
  ],
  incidentResponse: {
    supportPlan: 'Unified Support (Enterprise)',
    escalationNotes: [
      'Unified Support (Enterprise) with Enhanced Designated Engineering for Azure; contract owner Tom Becker.',
      'Severity A cases: open in the Azure portal (Help + support), then call the Customer Success Account Manager on +44 20 7946 0199 and quote contract UNI-4471-CP.',
      'Out of hours: Microsoft Unified support line +44 344 800 2400 (24x7 for severity A); the on-call platform engineer may open the case, Priya Natarajan approves severity A.',
      'The MSSP (Fabrikam Security, retainer FS-2291) is engaged in parallel through its hotline +44 20 7946 0150.',
    ].join('\n'),
  },
  businessServices: businessServices(),
  deliverable: demoDeliverable(),
  inventory: {
    snapshots: [{ id: snapshotId, takenAt, source: 'file-import', format: 'rows-array', fileName: 'contoso-pharma-arg-export.json', rowCount: resources.length, subscriptions: [PROD, RND, SHARED] }],
    resources: resources.map((r) => toBundleResource(r, snapshotId)),
    findings,
  },
  risks,
  contentPack: { id: pack.header.id, version: pack.header.version },
};

const parsed = AssessmentBundleSchema.safeParse(bundle);
if (!parsed.success) {
  console.error(parsed.error.issues.slice(0, 10));
  process.exit(1);
}
writeFileSync(join(here, 'contoso-demo.demarc.json'), `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`contoso-demo.demarc.json: ${resources.length} resources, ${findings.filter((f) => f.status === 'fail').length} failing findings, ${Object.keys(answers).length} answers, ${risks.length} risks`);
