import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { AssessmentBundle } from '../bundle/schema';
import type { ContentPack } from '../content/types';
import { buildReportModel, type ReportModel, type ReportOptions } from './model';
import { renderDocument } from './render/document';
import { insertRawTables, newRawTables, type RawTables } from './render/primitives';
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
 * Packs a rendered document to .docx bytes and puts its tables (written as text while
 * rendering) in place of their markers in `word/document.xml`. Parts are deflated at level 1:
 * deflate was the largest single cost of a large report (about a fifth of the build at level
 * 6), and level 1 trades it for files about 35-45 % larger (500 risks: 1.2 MB -> 1.7 MB),
 * which Word and LibreOffice open the same (bench/README.md).
 */
export async function packDocument(doc: Document, raw: RawTables): Promise<Uint8Array> {
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc));
  const files = unzipSync(packed);
  const main = files['word/document.xml'];
  if (!main) throw new Error('the packed document has no word/document.xml');
  files['word/document.xml'] = strToU8(insertRawTables(strFromU8(main), raw));
  return zipSync(files, { level: 1 });
}

/**
 * Where the IR plan goes: the flag when given ('inline' is the old name of 'inside'), else the
 * bundle's deliverable setting, else its own document.
 */
export function irPlanLayout(flag: ReportOptions['irPlan'], bundle: Pick<AssessmentBundle, 'deliverable'>): 'separate' | 'inside' {
  const chosen = flag ?? bundle.deliverable?.irPlan ?? 'separate';
  return chosen === 'separate' ? 'separate' : 'inside';
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
  const irSeparate = irPlanLayout(options.irPlan, bundle) === 'separate';
  const total = Math.max(1, model.risks.length);
  let done = 0;
  progress({ phase: 'render', fraction: 0.1 });
  const reportTables = newRawTables();
  const doc = renderDocument(model, template, {
    part: 'report',
    rawTables: reportTables,
    irSeparate,
    ...(referenceStylesXml ? { referenceStylesXml } : {}),
    onSection: (id) => progress({ phase: 'render', detail: id, fraction: 0.1 + 0.4 * (done / total) }),
    onRisk: () => {
      done++;
      if (done % 25 === 0) progress({ phase: 'render', detail: 'risk-details', fraction: 0.1 + 0.4 * (done / total) });
    },
  });
  progress({ phase: 'pack', fraction: 0.5 });
  const report = await packDocument(doc, reportTables);
  const out: BuiltReport = { report, model };
  if (irSeparate) {
    progress({ phase: 'pack', detail: 'ir-plan', fraction: 0.85 });
    const irTables = newRawTables();
    const ir = renderDocument(model, template, { part: 'ir-plan', irSeparate, rawTables: irTables, ...(referenceStylesXml ? { referenceStylesXml } : {}) });
    out.irPlan = await packDocument(ir, irTables);
  }
  progress({ phase: 'done', fraction: 1 });
  return out;
}
