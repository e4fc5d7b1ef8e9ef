import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AssessmentRecord } from '../db/database';
import { useOpenAssessment } from '../hooks/use-open-assessment';
import { useUiStore } from '../stores/ui-store';

/** Renders its children with the open assessment, or says to open one first. */
export function NeedsAssessment({ children }: { children: (assessment: AssessmentRecord) => ReactNode }) {
  const assessment = useOpenAssessment();
  const showArea = useUiStore((s) => s.showArea);
  if (assessment === undefined) return <Spinner label="Loading…" />;
  if (assessment === null) {
    return (
      <MessageBar intent="info" data-testid="no-open-assessment">
        <MessageBarBody>Open or create an assessment first.</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => showArea('assessments')}>Go to assessments</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return <>{children(assessment)}</>;
}
