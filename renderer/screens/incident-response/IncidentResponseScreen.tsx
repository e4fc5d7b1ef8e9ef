import { Button, Field, Select, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { ScreenHeader } from '../../components/ScreenHeader';
import type { AssessmentRecord } from '../../db/database';
import { addContact, getIncidentSetup, listContacts, SUPPORT_PLANS } from '../../db/incident-repository';
import { queueCommand } from '../../db/write-queue';
import { useQueuedField } from '../../hooks/use-queued-field';
import { ContactsTable } from './ContactsTable';
import { PlanDetails } from './PlanDetails';
import { RoleCoverage } from './RoleCoverage';

const useStyles = makeStyles({
  // wider than other screens: the contacts table has six columns of inputs and the IR roles picker
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
});

/** IR roles and contacts, the Microsoft support plan and escalation notes: inputs of the IR plan. */
export function IncidentResponseScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const id = assessment.id;
  const contacts = useLiveQuery(() => listContacts(id), [id]);
  const setup = useLiveQuery(() => getIncidentSetup(id), [id]);
  const stored = { supportPlan: setup?.supportPlan || SUPPORT_PLANS[0], escalationNotes: setup?.escalationNotes ?? '' };
  const [notes, setNotes, notesError] = useQueuedField(`${id}:escalation`, stored.escalationNotes, (v) => ({
    kind: 'incident-setup',
    assessmentId: id,
    escalationNotes: v,
  }));
  const setPlan = (supportPlan: string) => void queueCommand(`${id}:support-plan`, { kind: 'incident-setup', assessmentId: id, supportPlan }).catch(() => undefined);
  return (
    <section className={styles.section} aria-labelledby="ir-title">
      <ScreenHeader id="ir-title" title="Incident response setup" description="Roles, contacts, support arrangements and decisions for the incident response plan." />
      <Title3 as="h3" id="ir-contacts-title">
        Roles and contacts
      </Title3>
      <ContactsTable contacts={contacts ?? []} />
      <div>
        <Button icon={<AddRegular />} onClick={() => void addContact(id)} data-testid="add-contact">
          Add contact
        </Button>
      </div>
      <Title3 as="h3" id="ir-coverage-title">
        Roles the plan needs
      </Title3>
      <RoleCoverage contacts={contacts ?? []} />
      <PlanDetails assessmentId={id} setup={setup} />
      <Field label="Microsoft support plan" hint="Decides the case severities and response times the client can count on during an incident.">
        <Select value={stored.supportPlan} onChange={(_e, d) => setPlan(d.value)} data-testid="support-plan">
          {SUPPORT_PLANS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Escalation notes" validationMessage={notesError ?? undefined}>
        <Textarea value={notes} onChange={(_e, d) => setNotes(d.value)} rows={6} resize="vertical" data-testid="escalation-notes" />
      </Field>
    </section>
  );
}
