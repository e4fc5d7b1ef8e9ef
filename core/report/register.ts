import { HORIZON_LABEL, type ReportModel } from './model';

/** The register as a flat table: the columns clients expect, importable into Azure DevOps and Jira. */
export interface RegisterTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * One row per risk. `Work Item Type`, `Title`, `Description`, `Priority` and `Tags` are the
 * fields Azure DevOps' CSV import maps by name; Jira's importer maps any column.
 */
export function registerTable(model: ReportModel): RegisterTable {
  const top = model.levels[model.levels.length - 1]?.order ?? 4;
  const columns = [
    'ID', 'Title', 'Work Item Type', 'Priority', 'State', 'Description', 'Threat scenario', 'Category', 'Responsibility area', 'Service models', 'Owner', 'Owner justification',
    'Likelihood', 'Impact', 'Inherent level', 'Residual likelihood', 'Residual impact', 'Residual level', 'Treatment', 'Action owner', 'Due date', 'Horizon',
    'Recommendation', 'Portal steps', 'Affected resources', 'Checks', 'Interview questions', 'How known', 'Rating basis', 'MCSB', 'CIS', 'NIST CSF', 'Tags',
  ];
  const level = (id: string): number => model.levels.find((l) => l.id === id)?.order ?? 0;
  const mapping = (r: ReportModel['risks'][number], name: string): string => r.mappings.find((m) => m.framework.startsWith(name))?.ids.map((i) => i.id).join('; ') ?? '';
  const rows = model.risks.map((r) => [
    r.id,
    `${r.id} ${r.title}`,
    'Task',
    Math.min(4, Math.max(1, top - level(r.residual.level) + 1)),
    'New',
    `${r.threat}\n\nRecommendation: ${r.recommendation.summary}`,
    r.threat,
    r.categoryLabel,
    r.areaLabel,
    r.serviceModels,
    r.ownerLabel,
    r.ownerJustification,
    r.inherent.likelihood,
    r.inherent.impact,
    r.inherent.levelLabel,
    r.residual.likelihood,
    r.residual.impact,
    r.residual.levelLabel,
    r.treatment,
    r.actionOwner,
    r.dueDate,
    HORIZON_LABEL[r.horizon],
    r.recommendation.summary,
    r.recommendation.portal.join('\n'),
    r.affectedResourceCount,
    r.findings.map((f) => f.checkId).join('; '),
    r.answers.map((a) => a.questionId).join('; '),
    r.evidenceStatusLabel,
    r.ratingBasis.join('\n'),
    mapping(r, 'Microsoft'),
    mapping(r, 'CIS'),
    mapping(r, 'NIST'),
    ['demarc', r.categoryLabel, r.ownerLabel].join('; '),
  ]);
  return { columns, rows };
}

/** Neutralises spreadsheet formulas in untrusted text (CSV injection): a leading = + - @ tab or CR gets a quote. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The register as RFC 4180 CSV (CRLF line ends, UTF-8 with a byte order mark so Excel reads accents). */
export function registerCsv(model: ReportModel): string {
  const { columns, rows } = registerTable(model);
  const cell = (v: string | number): string => {
    const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
