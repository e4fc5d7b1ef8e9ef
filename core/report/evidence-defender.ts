import { isObject, nameOfId, propsOf, text, type EvidenceItem, type RowLookup } from './evidence-read';

/**
 * Microsoft Defender for Cloud objects by what people call them: display name, severity,
 * status and the resource they are about, read from their stored Resource Graph rows (field
 * names as the check fixtures and Microsoft's securityresources rows have them: alerts in
 * PascalCase, the others camelCase).
 */

type Row = Record<string, unknown>;
type Reader = (row: Row, p: Row, lookup: RowLookup) => EvidenceItem;

const day = (iso: unknown): string => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '');

const alert: Reader = (row, p, lookup) => {
  const ids = Array.isArray(p.ResourceIdentifiers) ? p.ResourceIdentifiers.flatMap((r) => (isObject(r) && text(r.AzureResourceId) ? [nameOfId(text(r.AzureResourceId), lookup)] : [])) : [];
  const since = day(p.StartTimeUtc);
  return {
    name: text(p.AlertDisplayName) || text(p.AlertType) || text(row.name),
    severity: text(p.Severity),
    status: `${text(p.Status)}${since ? ` since ${since}` : ''}`,
    resource: text(p.CompromisedEntity) || [...new Set(ids)].join(', '),
    detail: text(p.Description),
  };
};

const recommendation: Reader = (row, p, lookup) => {
  const meta = isObject(p.metadata) ? p.metadata : {};
  const details = isObject(p.resourceDetails) ? p.resourceDetails : {};
  const target = text(details.id) || text(details.Id);
  return {
    name: text(p.displayName) || text(meta.displayName) || text(row.name),
    severity: text(meta.severity),
    status: isObject(p.status) ? text(p.status.code) : '',
    resource: target ? nameOfId(target, lookup) : '',
    detail: text(meta.remediationDescription),
  };
};

const attackPath: Reader = (row, p) => ({
  name: text(p.displayName) || text(row.name),
  severity: text(p.riskLevel),
  status: '',
  resource: '',
  detail: [text(p.description), Array.isArray(p.riskCategories) ? p.riskCategories.map(text).join(', ') : ''].filter(Boolean).join(' Risk: '),
});

const scoreControl: Reader = (row, p) => {
  const score = isObject(p.score) ? p.score : {};
  return {
    name: text(p.displayName) || text(row.name),
    severity: '',
    status: `${text(p.unhealthyResourceCount) || '?'} unhealthy, ${text(p.healthyResourceCount) || '?'} healthy`,
    resource: '',
    detail: score.current !== undefined ? `score ${text(score.current)} of ${text(score.max)}` : '',
  };
};

/** A regulatory compliance assessment: the standard and control are in its id. */
const complianceAssessment: Reader = (row, p) => {
  const id = text(row.id);
  const standard = /\/regulatoryComplianceStandards\/([^/]+)/i.exec(id)?.[1] ?? '';
  const control = /\/regulatoryComplianceControls\/([^/]+)/i.exec(id)?.[1] ?? '';
  return {
    name: text(p.description) || text(row.name),
    severity: '',
    status: text(p.state),
    resource: [standard, control].filter(Boolean).join(' control '),
    detail: p.failedResources !== undefined ? `${text(p.failedResources)} ${text(p.failedResources) === '1' ? 'resource' : 'resources'} failed, ${text(p.passedResources) || '0'} passed` : '',
  };
};

const READERS: Record<string, Reader> = {
  'microsoft.security/locations/alerts': alert,
  'microsoft.security/assessments': recommendation,
  'microsoft.security/attackpaths': attackPath,
  'microsoft.security/securescores/securescorecontrols': scoreControl,
  'microsoft.security/regulatorycompliancestandards/regulatorycompliancecontrols/regulatorycomplianceassessments': complianceAssessment,
};

/** Whether rows of this type are Defender objects read by name. */
export const isDefenderItem = (type: string): boolean => type.toLowerCase() in READERS;

/** A Defender object by its display name, severity, status and affected resource. */
export function defenderItem(type: string, row: Row, lookup: RowLookup): EvidenceItem {
  const read = READERS[type.toLowerCase()] ?? complianceAssessment;
  return read(row, propsOf(row), lookup);
}
