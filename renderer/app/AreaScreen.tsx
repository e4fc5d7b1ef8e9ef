import { NeedsAssessment } from '../components/NeedsAssessment';
import { AssessmentsScreen } from '../screens/assessments/AssessmentsScreen';
import { ProviderCommitmentsScreen } from '../screens/commitments/ProviderCommitmentsScreen';
import { EngagementScreen } from '../screens/engagement/EngagementScreen';
import { HeatMapsScreen } from '../screens/heat-maps/HeatMapsScreen';
import { IncidentResponseScreen } from '../screens/incident-response/IncidentResponseScreen';
import { InterviewScreen } from '../screens/interview/InterviewScreen';
import { InventoryScreen } from '../screens/inventory/InventoryScreen';
import { ResponsibilityScreen } from '../screens/responsibility/ResponsibilityScreen';
import { RisksScreen } from '../screens/risks/RisksScreen';
import { ReportScreen } from '../screens/report/ReportScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import type { Area } from '../stores/ui-store';

/** The screen of one area; the workshop areas need an open assessment. */
export function AreaScreen({ area }: { area: Area }) {
  switch (area) {
    case 'assessments':
      return <AssessmentsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'report':
      return <NeedsAssessment>{(a) => <ReportScreen assessment={a} />}</NeedsAssessment>;
    case 'engagement':
      return <NeedsAssessment>{(a) => <EngagementScreen assessment={a} />}</NeedsAssessment>;
    case 'interview':
      return <NeedsAssessment>{(a) => <InterviewScreen assessmentId={a.id} attendees={a.engagement.attendees} />}</NeedsAssessment>;
    case 'inventory':
      return <NeedsAssessment>{(a) => <InventoryScreen assessment={a} />}</NeedsAssessment>;
    case 'risks':
      return <NeedsAssessment>{(a) => <RisksScreen assessment={a} />}</NeedsAssessment>;
    case 'responsibility':
      return <NeedsAssessment>{(a) => <ResponsibilityScreen assessment={a} />}</NeedsAssessment>;
    case 'commitments':
      return <NeedsAssessment>{(a) => <ProviderCommitmentsScreen assessment={a} />}</NeedsAssessment>;
    case 'heat-maps':
      return <NeedsAssessment>{(a) => <HeatMapsScreen assessment={a} />}</NeedsAssessment>;
    case 'incident-response':
      return <NeedsAssessment>{(a) => <IncidentResponseScreen assessment={a} />}</NeedsAssessment>;
  }
}
