import { MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import type { Area } from '../stores/ui-store';

const PURPOSE: Partial<Record<Area, string>> = {
  interview: 'Walk through the workshop questions domain by domain, with notes and evidence for each answer.',
  inventory: 'Import or pull the Azure Resource Graph inventory and see which checks fail on which resources.',
  risks: 'The risk register: each risk owned by Microsoft, the customer or both, scored for likelihood and impact.',
  'incident-response': 'Incident response roles, contacts and the Microsoft support plan that feed the plan in the report.',
  report: 'Generate the Word deliverable, including the tailored incident response plan.',
};

/** The areas this release does not have yet: says what will live there, and nothing more. */
export function UpcomingAreaScreen({ area, label }: { area: Area; label: string }) {
  return (
    <section aria-labelledby={`${area}-title`}>
      <Title2 as="h2" id={`${area}-title`}>
        {label}
      </Title2>
      <p>{PURPOSE[area]}</p>
      <MessageBar intent="info">
        <MessageBarBody>This area is not available in this version of Demarc yet.</MessageBarBody>
      </MessageBar>
    </section>
  );
}
