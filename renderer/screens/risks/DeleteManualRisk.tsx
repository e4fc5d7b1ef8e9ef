import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { RiskRecord } from '../../db/database';
import { deleteManualRisk } from '../../db/risks-repository';
import { useUiStore } from '../../stores/ui-store';
import { messageOf } from '../assessments/messages';

/** Deletes a hand-added risk after a confirmation (derived risks close by themselves instead). */
export function DeleteManualRisk({ risk }: { risk: RiskRecord }) {
  const selectRisk = useUiStore((s) => s.selectRisk);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await deleteManualRisk(risk.assessmentId, risk.id);
      selectRisk(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <Dialog modalType="alert">
        <DialogTrigger disableButtonEnhancement>
          <Button icon={<DeleteRegular />} data-testid="delete-risk">
            Delete this risk
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              Delete {risk.id} “{risk.title}”?
            </DialogTitle>
            <DialogContent>It was added by hand; deleting it removes it, its scores and its history from the register.</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Keep it</Button>
              </DialogTrigger>
              <Button appearance="primary" onClick={() => void confirm()} data-testid="delete-risk-confirm">
                Delete
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
