/** Messages between the UI and the commitments worker, and their schemas (checked on both sides). */
import { z } from 'zod';
import type { EstateCommitments } from '../../core/commitments/estate';

/** UI → worker: compute the commitments of one assessment's active snapshot and stored services. */
export const CommitmentsTaskSchema = z.strictObject({
  requestId: z.number().int().positive(),
  assessmentId: z.string().min(1).max(200),
});
export type CommitmentsTask = z.infer<typeof CommitmentsTaskSchema>;

/** A resource the business-services editor can add, and the resource groups it can add whole. */
export interface PickableResource {
  id: string;
  name: string;
  type: string;
  /** `<subscriptionId>/<resourceGroup>`, lower case */
  group: string;
}

/** What the Provider commitments screen shows for one assessment. */
export interface CommitmentsView extends EstateCommitments {
  snapshotName: string | null;
  /** the SCOPE-CRITICALITY choice, if answered */
  criticality: string | null;
  /** SCOPE-OTHER-CLOUDS choices: the other providers in scope */
  otherClouds: string[];
  resources: PickableResource[];
  /** each resource group of the snapshot: its key and its name as Azure spells it */
  groups: { key: string; name: string }[];
  milliseconds: number;
}

export type CommitmentsReply = { kind: 'done'; requestId: number; view: CommitmentsView } | { kind: 'error'; requestId: number; message: string };

/**
 * The reply's envelope, checked by the UI before it trusts the rest: a reply from a worker of
 * another build, or a broken one, is refused rather than rendered half.
 */
export const CommitmentsReplySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('done'),
    requestId: z.number().int(),
    view: z.object({
      snapshotName: z.string().nullable(),
      criticality: z.string().nullable(),
      otherClouds: z.array(z.string()),
      commitments: z.array(z.object({ resourceId: z.string(), status: z.enum(['committed', 'no-sla', 'unknown']) })),
      workloads: z.array(z.object({ workload: z.object({ id: z.string(), name: z.string(), origin: z.enum(['consultant', 'suggested']) }) })),
      suggestions: z.array(z.object({ id: z.string(), name: z.string() })),
      workloadSource: z.enum(['business-services', 'suggested']),
      resources: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), group: z.string() })),
      groups: z.array(z.object({ key: z.string(), name: z.string() })),
      milliseconds: z.number(),
    }),
  }),
  z.object({ kind: z.literal('error'), requestId: z.number().int(), message: z.string() }),
]);
