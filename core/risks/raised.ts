import type { Matrix, RiskMatrix } from '../content/schemas';
import type { Area, ServiceModel } from '../content/vocabulary';
import { ownerAcross, ownerFor } from './owner';
import type { Risk } from './schema';
import { riskLevel } from './scoring';

/** The customer's action on a provider-owned risk: trust, but verify (docs/DOMAIN.md §1c). */
export const VERIFY_TEXT =
  "Verify Microsoft's side: review the SOC 2 Type 2 and ISO/IEC 27001 reports on the Service Trust Portal, the SLA and the Data Protection Addendum, and subscribe to Service Health for incidents and advisories.";

type RaisedFields = Pick<
  Risk,
  | 'owner'
  | 'ownerBasis'
  | 'ownerOverride'
  | 'serviceModels'
  | 'likelihood'
  | 'impact'
  | 'inherentLevel'
  | 'residual'
  | 'treatment'
  | 'acceptance'
  | 'actionOwner'
  | 'dueDate'
  | 'action'
  | 'verification'
>;

export interface RaiseOptions {
  matrix: Matrix;
  riskMatrix: RiskMatrix;
  area: Area;
  /** the service models involved, in column order */
  models: ServiceModel[];
  likelihood: number;
  impact: number;
}

/**
 * What a newly raised risk, derived or added by hand, takes from the matrices: the owner
 * (area x models; different owners => shared), the grid level, the customer's action
 * (verify for Microsoft's, with the verification text on provider and shared risks), and
 * nothing decided yet.
 */
export function raisedRiskFields({ matrix, riskMatrix, area, models, likelihood, impact }: RaiseOptions): RaisedFields {
  const owner = ownerAcross(matrix, area, models);
  const fields: RaisedFields = {
    owner,
    ownerBasis: models.map((serviceModel) => ({ serviceModel, owner: ownerFor(matrix, area, serviceModel) })),
    ownerOverride: null,
    serviceModels: models,
    likelihood,
    impact,
    inherentLevel: riskLevel(riskMatrix, likelihood, impact),
    residual: null,
    treatment: null,
    acceptance: null,
    actionOwner: null,
    dueDate: null,
    action: owner === 'microsoft' ? 'verify' : 'remediate',
  };
  if (owner === 'microsoft' || owner === 'shared') fields.verification = VERIFY_TEXT;
  return fields;
}
