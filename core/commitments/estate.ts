import type { BusinessService } from '../bundle/schema';
import type { Resource } from '../inventory/normalise';
import { compositeOf, resourceCommitments, type CompositeCommitment, type ResourceCommitment } from './resource-commitments';
import type { ProviderCommitments } from './schema';
import { evaluateWorkload, serviceTolerance, suggestWorkloads, workloadsOfServices, type Workload, type WorkloadEvaluation } from './workload';

export interface EstateCommitmentsInput {
  data: ProviderCommitments;
  resources: readonly Resource[];
  /** the business services the consultant stored; none: Demarc's suggestions stand in */
  services?: readonly BusinessService[];
  /** the SCOPE-CRITICALITY choice, the last resort for a tolerance */
  scopeCriticality?: string | undefined;
}

/** What the provider commits to for an estate, and each workload against its tolerance. */
export interface EstateCommitments {
  commitments: ResourceCommitment[];
  composite: CompositeCommitment;
  /** the stored business services, else the suggestions */
  workloads: WorkloadEvaluation[];
  workloadSource: 'business-services' | 'suggested';
  /** Demarc's suggestions, always: the consultant's starting point for defining services */
  suggestions: Workload[];
}

/**
 * The one computation behind the screen, the register, the report and the command line: each
 * resource's commitment, the workloads (the consultant's business services when any are stored,
 * else Demarc's suggestions), each against its own tolerance (see {@link serviceTolerance}).
 */
export function estateCommitments({ data, resources, services = [], scopeCriticality }: EstateCommitmentsInput): EstateCommitments {
  const commitments = resourceCommitments(resources, data.sla);
  const suggestions = suggestWorkloads(resources, commitments);
  const byId = new Map(services.map((s) => [s.id, s]));
  const stored = services.length > 0;
  const workloads = (stored ? workloadsOfServices(services, resources) : suggestions).map((w) =>
    evaluateWorkload(w, commitments, data.sla, serviceTolerance(data.tolerance, byId.get(w.id), scopeCriticality)),
  );
  return { commitments, composite: compositeOf(commitments), workloads, workloadSource: stored ? 'business-services' : 'suggested', suggestions };
}
