import { Packer } from 'docx';
import type { AssessmentBundle } from '../bundle/schema';
import type { ContentPack } from '../content/types';
import { buildReportModel, type ReportModel, type ReportOptions } from './model';
import { renderDocument } from './render/document';
import type { ReportTemplate } from './template';
import { openLimitedZip } from './zip-limits';

/** Progress of a report build: a phase, and a fraction 0..1 of the whole. */
export interface ReportProgress {
  phase: 'model' | 'render' | 'pack' | 'done';
  detail?: string;
  fraction: number;
}

export interface BuildReportInput {
  bundle: AssessmentBundle;
  pack: ContentPack;
  template: ReportTemplate;
  options?: ReportOptions;
  onProgress?: (p: ReportProgress) => void;
}

export interface BuiltReport {
  /** the report .docx */
  report: Uint8Array;
  /** the incident response plan .docx, when `options.irPlan` is `separate` */
  irPlan?: Uint8Array;
  model: ReportModel;
}

/**
 * Reads `word/styles.xml` from a reference .docx (a Word document whose styles the report
 * uses). The document comes with a template, so it is unpacked within the limits of zip-limits.ts.
 */
export async function referenceStyles(docx: Uint8Array): Promise<string> {
  const pkg = await openLimitedZip(docx, 'the reference document');
  const styles = await pkg.readText('word/styles.xml');
  if (styles === undefined) throw new Error('the reference document has no word/styles.xml');
  return styles;
}

/**
 * Builds the client report (and, on request, the separate incident response plan) from an
 * assessment bundle. Pure and portable: no Node built-ins or DOM, returns bytes, so it runs
 * in Node (CLI, main process) and in a Web Worker in the renderer alike. `Packer.toArrayBuffer`
 * is the output path both environments support (toBuffer needs Node's Buffer, toBlob a Blob).
 */
export async function buildReport(input: BuildReportInput): Promise<BuiltReport> {
  const { bundle, pack, template } = input;
  const options = input.options ?? {};
  const progress = input.onProgress ?? (() => undefined);
  progress({ phase: 'model', fraction: 0 });
  const model = buildReportModel(bundle, pack, template, options);
  const referenceStylesXml = template.referenceDocx ? await referenceStyles(template.referenceDocx) : undefined;
  const irSeparate = options.irPlan === 'separate';
  const total = Math.max(1, model.risks.length);
  let done = 0;
  progress({ phase: 'render', fraction: 0.1 });
  const doc = renderDocument(model, template, {
    part: 'report',
    irSeparate,
    ...(referenceStylesXml ? { referenceStylesXml } : {}),
    onSection: (id) => progress({ phase: 'render', detail: id, fraction: 0.1 + 0.4 * (done / total) }),
    onRisk: () => {
      done++;
      if (done % 25 === 0) progress({ phase: 'render', detail: 'risk-details', fraction: 0.1 + 0.4 * (done / total) });
    },
  });
  progress({ phase: 'pack', fraction: 0.5 });
  const report = new Uint8Array(await Packer.toArrayBuffer(doc));
  const out: BuiltReport = { report, model };
  if (irSeparate) {
    progress({ phase: 'pack', detail: 'ir-plan', fraction: 0.85 });
    const ir = renderDocument(model, template, { part: 'ir-plan', irSeparate, ...(referenceStylesXml ? { referenceStylesXml } : {}) });
    out.irPlan = new Uint8Array(await Packer.toArrayBuffer(ir));
  }
  progress({ phase: 'done', fraction: 1 });
  return out;
}
