import type { ReportProgress } from '../../core/report/build';
import type { TemplateFile } from '../../core/report/template';

/** Options the Report screen passes; the rest (depth, IR plan, status, version) are the bundle's deliverable settings. */
export interface ReportRequestOptions {
  mask: boolean;
}

/** UI → worker: build the report of one assessment bundle (plain JSON, validated in the worker). */
export interface ReportTask {
  requestId: number;
  bundle: unknown;
  options: ReportRequestOptions;
  /** A template folder the consultant chose (read by main); the bundled default when absent. */
  templateFiles?: TemplateFile[];
}

export type ReportReply =
  | { requestId: number; kind: 'progress'; progress: ReportProgress }
  | {
      requestId: number;
      kind: 'done';
      report: Uint8Array;
      irPlan: Uint8Array | null;
      registerCsv: string;
      /** the register workbook (every field, findings, queries): core/report/register-workbook.ts */
      registerXlsx: Uint8Array;
      summary: { risks: number; playbooks: number; masked: boolean; milliseconds: number };
    }
  | { requestId: number; kind: 'failed'; message: string };
