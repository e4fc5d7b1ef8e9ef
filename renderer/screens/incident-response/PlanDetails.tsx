import { Field, Input, Textarea, Title3 } from '@fluentui/react-components';
import type { IncidentSetupRecord } from '../../db/database';
import type { IncidentDetails } from '../../db/incident-repository';
import { useQueuedField } from '../../hooks/use-queued-field';
import { RowsEditor } from './RowsEditor';

type Rights = NonNullable<IncidentDetails['decisionRights']>;
type Clocks = NonNullable<IncidentDetails['contractualClocks']>;

/** One field of the plan written through the queue as an `incident-details` command. */
function useDetail<T>(assessmentId: string, key: keyof IncidentDetails, stored: T) {
  return useQueuedField(`${assessmentId}:ir-${key}`, stored, (value) => ({ kind: 'incident-details', assessmentId, changes: { [key]: value } }));
}

/** The decisions the plan asks about when none are recorded, offered as starting rows. */
const SUGGESTED_DECISIONS = [
  'Isolate a business-critical service (take it off the network or stop it)',
  'Invoke disaster recovery',
  'Take Microsoft 365 offline or block sign-ins tenant-wide',
  'Engage Microsoft Incident Response or another IR firm',
  'Notify regulators and the people affected',
];

/** Out-of-band channel, plan approver, decision rights and contractual clocks of the IR plan. */
export function PlanDetails({ assessmentId, setup }: { assessmentId: string; setup: IncidentSetupRecord | undefined }) {
  const [channel, setChannel, channelError] = useDetail(assessmentId, 'outOfBandChannel', setup?.outOfBandChannel ?? '');
  const [approver, setApprover, approverError] = useDetail(assessmentId, 'planApprover', setup?.planApprover ?? '');
  const [rights, setRights, rightsError] = useDetail<Rights>(assessmentId, 'decisionRights', setup?.decisionRights ?? []);
  const [clocks, setClocks, clocksError] = useDetail<Clocks>(assessmentId, 'contractualClocks', setup?.contractualClocks ?? []);
  return (
    <>
      <Title3 as="h3">Plan decisions</Title3>
      <Field
        label="Out-of-band channel"
        hint="How responders talk if email and Teams are compromised: a bridge number, a messaging group outside the tenant. Printed on the quick-reference card."
        validationMessage={channelError ?? undefined}
      >
        <Textarea value={channel} onChange={(_e, d) => setChannel(d.value)} rows={2} resize="vertical" data-testid="ir-out-of-band" />
      </Field>
      <Field label="Plan approver" hint="Who approves the incident response plan (usually the CISO or executive sponsor)." validationMessage={approverError ?? undefined}>
        <Input value={approver} onChange={(_e, d) => setApprover(d.value)} data-testid="ir-plan-approver" />
      </Field>
      <Field
        label="Decision rights"
        hint="Who may take each decision during an incident without asking further, and their deputy. Rows left without a holder are shown as gaps in the plan."
        validationMessage={rightsError ?? undefined}
      >
        <RowsEditor
          name="decision right"
          columns={[
            { key: 'decision', label: 'Decision', placeholder: 'e.g. Isolate the LIMS', width: '50%' },
            { key: 'holder', label: 'Holder' },
            { key: 'deputy', label: 'Deputy' },
          ]}
          rows={rights}
          onChange={setRights}
          empty={`None recorded. The plan asks at least: ${SUGGESTED_DECISIONS.join('; ')}.`}
          testId="ir-decision-rights"
        />
      </Field>
      <Field
        label="Contractual notification clocks"
        hint="Deadlines the client owes under contracts (sponsors, customers, insurer, card acquirer). Regulatory clocks come from the scoping answers."
        validationMessage={clocksError ?? undefined}
      >
        <RowsEditor
          name="contractual clock"
          columns={[
            { key: 'counterparty', label: 'Whom to notify', placeholder: 'e.g. Clinical trial sponsors' },
            { key: 'deadline', label: 'Deadline', placeholder: 'e.g. 24 hours from awareness', width: '35%' },
            { key: 'source', label: 'Contract clause' },
          ]}
          rows={clocks}
          onChange={setClocks}
          empty="None recorded."
          testId="ir-contractual-clocks"
        />
      </Field>
    </>
  );
}
