import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTemplateDir, readTemplateDir } from '../../../../cli/commands/template-check';
import { defaultPackDir, readPackFiles, repoRoot } from '../../../../node/read-pack-files';
import { parseBundle, type AssessmentBundle } from '../../../../core/bundle/schema';
import { loadPack } from '../../../../core/content/loader';
import type { ContentPack } from '../../../../core/content/types';
import { loadTemplate, type ReportTemplate } from '../../../../core/report/template';
import { deriveRisks } from '../../../../core/risks/derive';

const defaultTemplate = await readTemplateDir(defaultTemplateDir);

/** The bundled demo assessment, the bundled pack and the default template. */
export function loadDemo(): { bundle: AssessmentBundle; pack: ContentPack; template: ReportTemplate } {
  const parsed = parseBundle(JSON.parse(readFileSync(join(repoRoot, 'assessments', 'demo', 'contoso-demo.demarc.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`demo bundle invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const { pack } = loadPack(readPackFiles(defaultPackDir));
  const { template, problems } = loadTemplate(defaultTemplate.files);
  if (!template) throw new Error(`default template invalid: ${JSON.stringify(problems)}`);
  return { bundle: parsed.bundle, pack, template };
}

/**
 * The id of the demo risk raised from a template. Risk ids are numbered by rating when the demo is
 * built, so they shift whenever the demo gains a risk; template ids do not.
 */
export function riskIdOf(bundle: AssessmentBundle, templateId: string): string {
  const found = bundle.risks.filter((r) => r.templateId === templateId);
  if (found.length !== 1) throw new Error(`expected one demo risk from ${templateId}, found ${found.length}`);
  return found[0]!.id;
}

/** Graph snapshots are `graph-pull` or `graph-import`; their findings are stored, their objects are not. */
const isGraphSnapshot = (s: AssessmentBundle['inventory']['snapshots'][number]): boolean => s.source === 'graph-pull' || s.source === 'graph-import';

/**
 * The bundle as an assessment without Microsoft Graph: no Graph snapshot, none of its findings,
 * and the register derived again from what is left (as the app would derive it).
 */
export function withoutGraph(bundle: AssessmentBundle, pack: ContentPack): AssessmentBundle {
  const graph = new Set(bundle.inventory.snapshots.filter(isGraphSnapshot).map((s) => s.id));
  const findings = bundle.inventory.findings.filter((f) => f.snapshotId === undefined || !graph.has(f.snapshotId));
  const snapshots = bundle.inventory.snapshots.filter((s) => !graph.has(s.id));
  const risks = deriveRisks({ pack, answers: bundle.answers, findings, matrixId: bundle.assessment.matrixId });
  return { ...bundle, inventory: { ...bundle.inventory, snapshots, findings }, risks };
}

/**
 * A large assessment built from the demo: `risks` risks and `findings` failing findings
 * (the demo's, repeated on new resource ids), each risk keeping real template text.
 */
export function largeBundle(base: AssessmentBundle, risks = 500, findings = 5000): AssessmentBundle {
  const failing = base.inventory.findings.filter((f) => f.status === 'fail');
  const allFindings = Array.from({ length: findings }, (_, i) => {
    const f = failing[i % failing.length]!;
    return { ...f, resourceId: `${f.resourceId}-copy${i}`, resourceName: `${f.resourceName}-${i}` };
  });
  const perRisk = Math.ceil(findings / risks);
  const out = Array.from({ length: risks }, (_, i) => {
    const r = base.risks[i % base.risks.length]!;
    const mine = allFindings.slice(i * perRisk, (i + 1) * perRisk);
    return {
      ...r,
      id: `R-${String(i + 1).padStart(3, '0')}`,
      templateId: `${r.templateId}-${i}`,
      evidence: {
        ...r.evidence,
        findings: mine.map((f) => ({ checkId: f.checkId, resourceId: f.resourceId, subscriptionId: f.subscriptionId, serviceModel: f.serviceModel })),
        affectedResources: mine.map((f) => f.resourceId),
      },
    };
  });
  return { ...base, risks: out, inventory: { ...base.inventory, findings: allFindings } };
}

/** At least 1,000 hostile strings: generated (any code unit, lone surrogates) and hand-picked. */
export function hostileStrings(): string[] {
  const picked = [
    '\u0000\u0001\u0002\u0008\u000B\u000C\u000E\u001F\u007F',
    '\uD800 lone high',
    'lone low \uDC00',
    '\uFFFE\uFFFF',
    '\u202Egnp.exe\u202C RTL override',
    'عميل مُختبر — שלום',
    '👩‍💻🏳️‍🌈🇬🇧 emoji',
    '{{client}}',
    '{{ unknownPlaceholder }}',
    '{{{{nested}}}}',
    ']]><w:t>injected</w:t><![CDATA[',
    '<script>alert(1)</script> & &amp; "quotes" \'apos\'',
    '=HYPERLINK("http://evil","x")',
    'line one\nline two\r\nline three\ttabbed',
    '',
    ' ',
    'x'.repeat(100 * 1024),
  ];
  const generated = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), { numRuns: 1000, seed: 42 });
  return [...picked, ...generated];
}

/** Puts hostile strings into answers' notes, resource names, contacts, names and risk fields. */
export function hostileBundle(base: AssessmentBundle): AssessmentBundle {
  const hs = hostileStrings();
  let i = 0;
  const next = (): string => hs[i++ % hs.length]!;
  const answers = Object.fromEntries(Object.entries(base.answers).map(([k, a]) => [k, { ...a, note: `${next()} ${next()} ${next()}` }]));
  const findings = base.inventory.findings.map((f) => ({ ...f, resourceName: next(), evidence: { ...f.evidence, 'tags.note': next() } }));
  const resources = base.inventory.resources.map((r) => ({ ...r, name: next(), resourceGroup: next(), location: next() }));
  const risks = base.risks.map((r) => ({ ...r, actionOwner: next(), title: `${r.title} ${next()}` }));
  const contacts = [...base.contacts, ...Array.from({ length: 20 }, (_, j) => ({ id: `h${j}`, name: next() || 'x', role: next() || 'x', email: next(), phone: next(), responsibilities: [next()] }))];
  const all = hs.slice(17).join(' ');
  return {
    ...base,
    assessment: { ...base.assessment, client: `${base.assessment.client} ${hs[7]} ${hs[10]}`, name: `${base.assessment.name} ${hs[4]}`, scope: { ...base.assessment.scope, notes: all } },
    answers,
    contacts,
    inventory: { ...base.inventory, resources, findings },
    risks,
  };
}

