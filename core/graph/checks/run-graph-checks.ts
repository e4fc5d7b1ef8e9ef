/**
 * Runs the Graph checks over a snapshot and returns findings in the same `Finding` shape
 * the Resource Graph checks produce (core/checks/run-checks.ts), so risk derivation and the
 * report take both. Checks whose evidence Graph refused come back separately as
 * not assessed, with the gap's reason: the interview answer stays the evidence for them.
 */
import type { Finding } from '../../checks/run-checks';
import type { Matrix } from '../../content/schemas';
import { ownerAcross } from '../../risks/owner';
import type { GraphGap, GraphSnapshot } from '../snapshot';
import { GRAPH_CHECKS, type GraphCheck } from './catalogue';
import { NotAssessedError, TenantView, type GraphCheckSettings } from './tenant-view';

/** A check that could not be assessed, and why. */
export interface NotAssessedCheck {
  checkId: string;
  title: string;
  status: 'not-assessed';
  /** The tenant the snapshot is for. */
  resourceId: string;
  reason: string;
  gap?: GraphGap;
}

export interface GraphCheckRun {
  findings: Finding[];
  notAssessed: NotAssessedCheck[];
}

export interface RunGraphChecksOptions {
  matrix: Matrix;
  settings?: GraphCheckSettings;
  checks?: readonly GraphCheck[];
  /** Also return not-applicable findings (default true). */
  includeNotApplicable?: boolean;
}

/** Entra ID and Microsoft 365 are SaaS: the owner comes from the matrix's SaaS column. */
const SERVICE_MODEL = 'saas' as const;

export function runGraphChecks(snapshot: GraphSnapshot, options: RunGraphChecksOptions): GraphCheckRun {
  const view = new TenantView(snapshot, options.settings);
  const findings: Finding[] = [];
  const notAssessed: NotAssessedCheck[] = [];
  for (const check of options.checks ?? GRAPH_CHECKS) {
    let results;
    try {
      results = check.evaluate(view);
    } catch (error) {
      if (!(error instanceof NotAssessedError)) throw error;
      notAssessed.push({ checkId: check.id, title: check.title, status: 'not-assessed', resourceId: view.tenantId, reason: error.message, ...(error.gap ? { gap: error.gap } : {}) });
      continue;
    }
    const owner = ownerAcross(options.matrix, check.area, [SERVICE_MODEL]);
    for (const result of results) {
      if (result.status === 'not-applicable' && options.includeNotApplicable === false) continue;
      findings.push({
        checkId: check.id,
        title: check.title,
        resourceId: result.resourceId,
        resourceName: result.resourceName,
        resourceType: result.resourceType,
        // Graph objects live in the tenant, not in a subscription.
        subscriptionId: '',
        status: result.status,
        severity: check.severity,
        owner,
        responsibilityArea: check.area,
        serviceModel: SERVICE_MODEL,
        evidence: result.evidence,
      });
    }
  }
  return { findings, notAssessed };
}
