import { Button, Checkbox, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelResponse } from '../../../../core/ipc/contract';

type Scopes = ChannelResponse<'azure:discover-scopes'>;

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', maxHeight: '240px', overflowY: 'auto' } });

/** Subscriptions and management groups to pull, from discovery. */
export function ScopePicker({ scopes, busy, onPull }: { scopes: Scopes; busy: boolean; onPull: (subscriptions: string[], managementGroups: string[]) => void }) {
  const styles = useStyles();
  const [subs, setSubs] = useState<Set<string>>(() => new Set(scopes.subscriptions.map((s) => s.subscriptionId)));
  const [groups, setGroups] = useState<Set<string>>(() => new Set());
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  return (
    <div>
      {scopes.errors.map((e) => (
        <Text key={e.code} block>
          {e.code}: {e.message}
        </Text>
      ))}
      <div className={styles.list} role="group" aria-label="Scopes to pull" data-testid="azure-scopes">
        {scopes.managementGroups.map((g) => (
          <Checkbox key={g.name} checked={groups.has(g.name)} onChange={(_e, d) => setGroups(toggle(groups, g.name, Boolean(d.checked)))} label={`Management group: ${g.displayName ?? g.name}`} />
        ))}
        {scopes.subscriptions.map((s) => (
          <Checkbox
            key={s.subscriptionId}
            checked={subs.has(s.subscriptionId)}
            onChange={(_e, d) => setSubs(toggle(subs, s.subscriptionId, Boolean(d.checked)))}
            label={`${s.name} (${s.subscriptionId})`}
            data-testid="azure-subscription"
          />
        ))}
      </div>
      <Button appearance="primary" disabled={busy || subs.size + groups.size === 0} onClick={() => onPull([...subs], [...groups])} data-testid="azure-start-pull">
        Pull the inventory ({subs.size + groups.size} scope{subs.size + groups.size === 1 ? '' : 's'})
      </Button>
    </div>
  );
}
