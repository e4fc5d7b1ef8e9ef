import { Button, Field, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Owner } from '../../../core/content/vocabulary';
import { areaLabelOf, providerOwnerText } from '../../../core/risks/provider-owner';
import { useContentPack } from '../../hooks/use-content-pack';
import { modelLabel, ownerLabel } from '../../content/vocabulary-labels';
import type { RiskRecord } from '../../db/database';
import { clearOwnerOverride, OWNERS, overrideOwner } from '../../db/risks-repository';
import { messageOf } from '../assessments/messages';

const useStyles = makeStyles({ block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** Overrides the matrix owner; a justification is mandatory and goes into the history. */
export function OwnerOverride({ risk, by }: { risk: RiskRecord; by: string }) {
  const styles = useStyles();
  const pack = useContentPack();
  const [owner, setOwner] = useState<Owner>((risk.ownerOverride?.owner ?? (risk.owner === 'unknown' ? 'customer' : risk.owner)) as Owner);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = async () => {
    try {
      await overrideOwner(risk.assessmentId, risk.id, owner, justification, by);
      setJustification('');
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div className={styles.block}>
      <Text>
        Matrix owner: <strong>{ownerLabel(risk.owner)}</strong>{' '}
        {risk.providerBasis?.length ? (
          <span data-testid="owner-provider-basis">({providerOwnerText(risk.providerBasis, areaLabelOf(pack, risk.area))})</span>
        ) : (
          <>({risk.ownerBasis.map((b) => `${modelLabel(b.serviceModel)}: ${ownerLabel(b.owner)}`).join(', ') || 'no service model'})</>
        )}
        {risk.ownerOverride && (
          <>
            {' '}
            — overridden to <strong data-testid="override-owner">{ownerLabel(risk.ownerOverride.owner)}</strong>: “{risk.ownerOverride.justification}”
          </>
        )}
      </Text>
      <Field label="Owner">
        <Select value={owner} onChange={(_e, d) => setOwner(d.value as Owner)} data-testid="override-select">
          {OWNERS.map((o) => (
            <option key={o} value={o}>
              {ownerLabel(o)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Justification (required to override)" validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
        <Textarea value={justification} onChange={(_e, d) => setJustification(d.value)} rows={2} data-testid="override-justification" />
      </Field>
      <div>
        <Button onClick={() => void apply()} data-testid="override-apply">
          Override owner
        </Button>{' '}
        {risk.ownerOverride && (
          <Button onClick={() => void clearOwnerOverride(risk.assessmentId, risk.id, by).catch((e: unknown) => setError(messageOf(e)))} data-testid="override-clear">
            Back to the matrix owner
          </Button>
        )}
      </div>
    </div>
  );
}
