/**
 * Builds the Word report off the UI thread: validates the bundle, loads the bundled pack
 * and template, runs the pure report builder and hands the bytes back (transferred).
 */
import '../zod-setup';
import { parseBundle } from '../../core/bundle/schema';
import { buildReport } from '../../core/report/build';
import { registerCsv } from '../../core/report/register';
import { registerXlsx } from '../../core/report/register-workbook';
import { loadTemplate } from '../../core/report/template';
import { bundledPack } from '../content/bundled-pack';
import { bundledTemplateFiles } from '../content/bundled-template';
import type { ReportReply, ReportTask } from './report-protocol';

const post = (reply: ReportReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ReportTask>) => {
  const { requestId, bundle, options, templateFiles } = event.data;
  const started = performance.now();
  try {
    const parsed = parseBundle(bundle);
    if (!parsed.ok) {
      const first = parsed.errors.slice(0, 5).map((e) => `${e.path || '(root)'}: ${e.message}`);
      throw new Error(`The assessment does not form a valid bundle: ${first.join('; ')}`);
    }
    const { template, problems } = loadTemplate(templateFiles ?? bundledTemplateFiles());
    if (!template) {
      const listed = problems.slice(0, 8).map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      throw new Error(`The report template has ${problems.length} problem(s): ${listed.join('; ')}`);
    }
    const built = await buildReport({
      bundle: parsed.bundle,
      pack: bundledPack(),
      template,
      // depth, IR plan, status and version: the builder reads the bundle's deliverable settings
      options: { mask: options.mask },
      onProgress: (progress) => post({ requestId, kind: 'progress', progress }),
    });
    const workbook = await registerXlsx(built.model);
    const transfer: Transferable[] = [built.report.buffer as ArrayBuffer, workbook.buffer as ArrayBuffer];
    if (built.irPlan) transfer.push(built.irPlan.buffer as ArrayBuffer);
    post(
      {
        requestId,
        kind: 'done',
        report: built.report,
        irPlan: built.irPlan ?? null,
        registerCsv: registerCsv(built.model),
        registerXlsx: workbook,
        summary: {
          risks: built.model.risks.length,
          playbooks: built.model.irPlan.playbooks.length,
          masked: built.model.meta.masked,
          milliseconds: Math.round(performance.now() - started),
        },
      },
      transfer,
    );
  } catch (error) {
    post({ requestId, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
