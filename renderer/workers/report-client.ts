/** The UI side of the report worker: a fresh worker per build, so a cancelled build stops at once. */
import type { ReportProgress } from '../../core/report/build';
import type { TemplateFile } from '../../core/report/template';
import type { ReportReply, ReportRequestOptions } from './report-protocol';

export type BuiltReportFiles = Extract<ReportReply, { kind: 'done' }>;

export interface ReportBuild {
  result: Promise<BuiltReportFiles>;
  cancel: () => void;
}

export function startReportBuild(
  bundle: unknown,
  options: ReportRequestOptions,
  onProgress: (p: ReportProgress) => void,
  templateFiles?: TemplateFile[],
): ReportBuild {
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'report' });
  let settle: { reject: (error: Error) => void } | undefined;
  const result = new Promise<BuiltReportFiles>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<ReportReply>) => {
      const message = event.data;
      if (message.kind === 'progress') onProgress(message.progress);
      else {
        worker.terminate();
        if (message.kind === 'done') resolve(message);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The report worker stopped.'));
    };
    worker.postMessage({ requestId: 1, bundle, options, ...(templateFiles ? { templateFiles } : {}) });
  });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new Error('Cancelled.'));
    },
  };
}
