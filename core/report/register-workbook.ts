import { GRAPH_COLLECTIONS } from '../graph/collections';
import type { ReportModel, RiskView } from './model';
import { neutraliseFormula, registerTable } from './register';

/**
 * The register workbook: everything the report summarises, in full. Sheet "Risk register":
 * one row per risk with every field (the CSV's columns first, for Azure DevOps and Jira,
 * then answers, evidence readable and raw, recommendation with portal steps and commands,
 * mappings, history, business services). Sheet "Findings": every failing check x resource
 * with its evidence. Sheet "Queries": the Resource Graph queries and Microsoft Graph requests
 * the evidence came from. The sheets are pure data ({@link registerSheets}); {@link registerXlsx}
 * writes them with exceljs, in Node or in the browser.
 */

export interface SheetColumn {
  header: string;
  /** Excel column width, in characters */
  width: number;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: (string | number)[][];
}

/** Excel holds at most 32,767 characters in a cell. */
export const MAX_CELL = 32_767;
/** Widths (characters): no column narrower than a short word, none wider than a page of text. */
export const MIN_WIDTH = 8;
export const TEXT_WIDTH = 60;
export const RAW_WIDTH = 80;

/** A cell that may exceed Excel's limit: cut there, saying where the rest is. */
function fitCell(text: string, rest: string): string {
  if (text.length <= MAX_CELL) return text;
  const note = ` … [continued in ${rest}]`;
  return text.slice(0, MAX_CELL - note.length) + note;
}

/** A column width from its content: the longest line (header included), between the bounds. */
function widthOf(header: string, values: readonly (string | number)[], max: number): number {
  let longest = header.length + 2;
  for (const v of values) for (const line of String(v).split('\n')) longest = Math.max(longest, line.length + 1);
  return Math.max(MIN_WIDTH, Math.min(max, longest));
}

/** Columns whose text is prose (wrapped at {@link TEXT_WIDTH}) or JSON (at {@link RAW_WIDTH}). */
function sheet(name: string, headers: string[], rows: (string | number)[][], raw: ReadonlySet<string> = new Set()): Sheet {
  const columns = headers.map((header, i) => ({ header, width: widthOf(header, rows.map((r) => r[i] ?? ''), raw.has(header) ? RAW_WIDTH : TEXT_WIDTH) }));
  return { name, columns, rows };
}

const RISK_EXTRA = [
  'Former ids', 'Business services', 'Subscriptions', 'Effort', 'User impact', 'Command line', 'Verify Microsoft’s side', 'Acceptance', 'Interview answers',
  'Answer contradicted by the inventory', 'Inventory evidence', 'Inventory evidence (raw JSON)', 'Framework mappings', 'Incident response playbooks', 'History',
];

/** The risk fields the CSV leaves out, for one risk. */
function riskExtras(model: ReportModel, r: RiskView, findings: NonNullable<ReportModel['findingRows']>): string[] {
  const mine = findings.filter((f) => f.riskIds.includes(r.id));
  const playbooks = new Map(model.irPlan.playbooks.map((p) => [p.id, p.title]));
  return [
    r.formerIds.join('; '),
    r.businessServices.join('; '),
    r.subscriptions.join('; '),
    r.effort,
    r.userImpact,
    r.recommendation.cli,
    r.verification,
    r.acceptance ? `Accepted by ${r.acceptance.acceptedBy} until ${r.acceptance.expires}${r.acceptance.reason ? `: ${r.acceptance.reason}` : ''}` : '',
    r.answers.map((a) => `${a.questionId} ${a.question}\nAnswer: ${a.answer}${a.result ? ` (${a.result})` : ''}${a.note ? `\nNote: ${a.note}` : ''}`).join('\n\n'),
    r.disagreements.join('\n'),
    fitCell(mine.map((f) => `${f.checkId} ${f.resource}: ${f.evidence}`).join('\n\n'), 'the Findings sheet'),
    fitCell(mine.map((f) => `${f.checkId} ${f.resource}: ${f.raw}`).join('\n'), 'the Findings sheet'),
    r.mappings.map((m) => `${m.framework}: ${m.ids.map((i) => (i.title ? `${i.id} ${i.title}` : i.id)).join('; ')}`).join('\n'),
    r.playbooks.map((id) => playbooks.get(id) ?? id).join('; '),
    r.history.map((h) => `${h.at} ${h.action}: ${h.detail}${h.by ? ` (${h.by})` : ''}`).join('\n'),
  ];
}

function riskSheet(model: ReportModel): Sheet {
  const { columns, rows } = registerTable(model);
  const findings = model.findingRows ?? [];
  return sheet(
    'Risk register',
    [...columns, ...RISK_EXTRA],
    rows.map((row, i) => [...row, ...riskExtras(model, model.risks[i]!, findings)]),
    new Set(['Inventory evidence (raw JSON)']),
  );
}

function findingSheet(model: ReportModel): Sheet {
  const headers = ['Check', 'Check title', 'Severity', 'Resource', 'Type', 'Resource group', 'Subscription', 'Resource ID', 'Risks', 'Evidence', 'Evidence (raw JSON)'];
  const rows = (model.findingRows ?? []).map((f) => [
    f.checkId, f.checkTitle, f.severity, f.resource, f.resourceType, f.resourceGroup, f.subscription, f.resourceId, f.riskIds.join('; '),
    fitCell(f.evidence, 'the assessment'), fitCell(f.raw, 'the assessment'),
  ]);
  return sheet('Findings', headers, rows, new Set(['Evidence (raw JSON)', 'Resource ID']));
}

function querySheet(model: ReportModel): Sheet {
  const rows: string[][] = model.evidence.queries.map((q) => ['Azure Resource Graph', q.checkId, q.title, q.table, q.query]);
  // Graph checks read the snapshot's fixed requests, listed when a Graph snapshot is in the assessment
  if (model.evidence.snapshots.some((s) => /Microsoft Graph/.test(s.source)))
    for (const c of GRAPH_COLLECTIONS) rows.push(['Microsoft Graph', '', c.id, c.permission, `GET /v1.0${c.path.startsWith('/') ? '' : '/'}${c.path}`]);
  return sheet('Queries', ['Source', 'Check', 'Title', 'Table / permission', 'Query'], rows, new Set(['Query']));
}

/** Every answer of the interview with the question in full (the report shortens it below full depth). */
function interviewSheet(model: ReportModel): Sheet {
  const rows = model.interviewLog.flatMap((d) => d.rows.map((r) => [d.domain, r.questionId, r.question, r.answer, r.result, r.note]));
  return sheet('Interview log', ['Domain', 'Question', 'Asked', 'Answer', 'Result', 'Notes'], rows);
}

/** The sheets of the register workbook, as data. */
export function registerSheets(model: ReportModel): Sheet[] {
  return [riskSheet(model), findingSheet(model), interviewSheet(model), querySheet(model)];
}

/** The register as an Excel workbook: frozen, filtered header rows; wrapped text; widths from content. */
export async function registerXlsx(model: ReportModel): Promise<Uint8Array> {
  // loaded on use: exceljs takes longer to load than the rest of the CLI together
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = model.meta.preparedBy;
  wb.title = `${model.meta.title} — risk register`;
  for (const s of registerSheets(model)) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, key: c.header, width: c.width }));
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    const header = ws.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
    header.alignment = { vertical: 'top', wrapText: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
    ws.eachRow((row, n) => {
      if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
