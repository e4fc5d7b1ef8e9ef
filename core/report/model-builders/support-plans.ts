import type { ProviderCommitments } from '../../commitments/schema';
import type { IrPlanModel } from '../types';

/** The incident response setup's support choices, by the id of the plan in the pack's support-plan data. */
const PLAN_OF_SETUP_CHOICE: Readonly<Record<string, string>> = {
  'None (billing and subscription support only)': 'basic',
  Developer: 'developer',
  Standard: 'standard',
  'Professional Direct': 'professional-direct',
  'Unified Support (Enterprise)': 'unified',
};

/** The pack's support-plan id of an IR setup choice (undefined for Premier, CSP and 'Not known'). */
export const planIdOfSetupChoice = (choice: string): string | undefined => PLAN_OF_SETUP_CHOICE[choice];

const cellText = (v: string): string => (v === 'none' ? 'Not offered' : v === 'unknown' ? 'Unknown' : v);

/**
 * The escalation table of the IR plan: each Microsoft support plan's initial response per case
 * severity, from the pack's cited data, with the client's own plan marked. Undefined when the
 * pack carries no support-plan data.
 */
export function supportPlanTable(data: ProviderCommitments['supportPlans'] | undefined, clientPlan: string): IrPlanModel['supportPlans'] {
  if (!data) return undefined;
  const clientId = PLAN_OF_SETUP_CHOICE[clientPlan];
  const sources = data.sources.map((s) => `${s.title}, ${s.publisher} (${s.date})`);
  return {
    rows: data.plans.map((p) => ({
      plan: p.title,
      clients: p.id === clientId,
      a: cellText(p.response.A),
      b: cellText(p.response.B),
      c: cellText(p.response.C),
      roundTheClock: p.roundTheClockSevA ? 'Yes' : 'No',
      note: p.note ?? '',
    })),
    clientPlanKnown: clientId !== undefined,
    sources,
  };
}
