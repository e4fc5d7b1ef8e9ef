import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../core/report/model';
import { GRAPH_COLLECTIONS } from '../../../../core/graph/collections';
import { MAX_CELL, MIN_WIDTH, RAW_WIDTH, registerSheets, registerXlsx } from '../../../../core/report/register-workbook';
import { loadDemo, withoutGraph } from './helpers';

/** The workbook as written, read back: sheet -> header -> column values. */
async function readBack(bytes: Uint8Array): Promise<Map<string, { headers: string[]; widths: number[]; rows: Record<string, string>[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const out = new Map<string, { headers: string[]; widths: number[]; rows: Record<string, string>[] }>();
  wb.eachSheet((ws) => {
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const widths = headers.map((_, i) => ws.getColumn(i + 1).width ?? 0);
    const rows: Record<string, string>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] === undefined || values[i] === null ? '' : String(values[i])])));
    });
    out.set(ws.name, { headers, widths, rows });
  });
  return out;
}

describe('register workbook', async () => {
  const { bundle, pack, template } = loadDemo();
  const model = buildReportModel(bundle, pack, template, {});
  const sheets = await readBack(await registerXlsx(model));

  it('has the register, findings, interview log and queries sheets', () => {
    expect([...sheets.keys()]).toEqual(['Risk register', 'Findings', 'Interview log', 'Queries']);
  });

  it('the interview log sheet holds every answer with the question in full (the report shortens it)', () => {
    const log = sheets.get('Interview log')!;
    const answers = model.interviewLog.flatMap((d) => d.rows);
    expect(log.rows).toHaveLength(answers.length);
    const longest = answers.reduce((a, b) => (b.question.length > a.question.length ? b : a));
    expect(longest.question.length).toBeGreaterThan(110);
    expect(log.rows.find((r) => r.Question === longest.questionId)!.Asked).toBe(longest.question);
  });

  it('the register carries every risk field: answers, evidence readable and raw, recommendation with portal steps and commands, mappings, history, services, how known', () => {
    const reg = sheets.get('Risk register')!;
    for (const h of ['ID', 'Title', 'Threat scenario', 'Owner justification', 'Recommendation', 'Portal steps', 'Command line', 'How known', 'Rating basis', 'MCSB', 'CIS', 'NIST CSF',
      'Framework mappings', 'Interview answers', 'Inventory evidence', 'Inventory evidence (raw JSON)', 'History', 'Business services', 'Answer contradicted by the inventory', 'Incident response playbooks'])
      expect(reg.headers, h).toContain(h);
    expect(reg.rows).toHaveLength(model.risks.length);
    const nsgRisk = model.risks.find((r) => r.findings.some((f) => f.checkId === 'NW-01'))!;
    const row = reg.rows.find((r) => r.ID === nsgRisk.id)!;
    expect(row['Inventory evidence']).toContain('allow-mgmt-range: priority 120, TCP, ports 3380-3390 (exposed 3389), from Any (0.0.0.0/0), Allow');
    expect(row['Inventory evidence (raw JSON)']).toContain('"name":"allow-mgmt-range"');
    expect(row['Command line']).toBe(nsgRisk.recommendation.cli);
    expect(reg.rows.some((r) => r['Business services'] !== '')).toBe(true);
    expect(reg.rows.some((r) => r['History'] !== '')).toBe(true);
    expect(reg.rows.every((r) => !r['Inventory evidence']!.includes('[truncated'))).toBe(true);
  });

  it('the findings sheet lists every failing finding with its evidence and the risks it supports', () => {
    const findings = sheets.get('Findings')!;
    expect(findings.rows).toHaveLength(bundle.inventory.findings.filter((f) => f.status === 'fail').length);
    const alert = findings.rows.find((r) => r.Check === 'DF-06')!;
    expect(alert.Evidence).toContain('Successful brute force attack (severity High, Active since 2026-11-20) on vm-jump01');
    expect(JSON.parse(alert['Evidence (raw JSON)']!)).toMatchObject({ 'properties.Severity': 'High' });
    expect(alert.Risks).toMatch(/^R-\d{3}/);
    // every raw cell is JSON a tool can read back (masked ids and all)
    for (const r of findings.rows) expect(() => JSON.parse(r['Evidence (raw JSON)']!), `${r.Check} ${r.Resource}`).not.toThrow();
  });

  it('the queries sheet has the Resource Graph query of every check that ran', () => {
    const q = sheets.get('Queries')!;
    expect(q.rows.find((r) => r.Check === 'NW-01')!.Query).toContain("microsoft.network/networksecuritygroups");
    expect(q.rows.filter((r) => r.Source === 'Azure Resource Graph').length).toBe(model.evidence.queries.length);
    // the demo has a Graph snapshot: the fixed Graph requests its checks read follow, one per collection
    const graph = q.rows.filter((r) => r.Source === 'Microsoft Graph');
    expect(graph.map((r) => [r['Table / permission'], r.Query])).toEqual(GRAPH_COLLECTIONS.map((c) => [c.permission, `GET /v1.0${c.path}`]));
    expect(q.rows.length).toBe(model.evidence.queries.length + GRAPH_COLLECTIONS.length);
  });

  it('lists no Graph request for an assessment without a Graph snapshot', () => {
    const m = buildReportModel(withoutGraph(bundle, pack), pack, template);
    const q = new Map(registerSheets(m).map((s) => [s.name, s])).get('Queries')!;
    expect(q.rows.length).toBe(m.evidence.queries.length);
    expect(q.rows.every((r) => r[0] === 'Azure Resource Graph')).toBe(true);
  });

  it('column widths follow the content within bounds; no cell over Excel’s limit', () => {
    for (const [name, s] of sheets) {
      s.widths.forEach((w, i) => {
        expect(w, `${name} ${s.headers[i]}`).toBeGreaterThanOrEqual(MIN_WIDTH);
        expect(w, `${name} ${s.headers[i]}`).toBeLessThanOrEqual(RAW_WIDTH);
      });
      for (const r of s.rows) for (const v of Object.values(r)) expect(v.length).toBeLessThanOrEqual(MAX_CELL);
    }
    const reg = sheets.get('Risk register')!;
    expect(reg.widths[reg.headers.indexOf('ID')]).toBeLessThan(12);
    expect(reg.widths[reg.headers.indexOf('Threat scenario')]).toBe(60);
  });
});
