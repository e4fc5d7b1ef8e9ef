import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { endpointProblem } from '../../../../core/azure/endpoint';
import type { ChannelRequest, ChannelResponse } from '../../../../core/ipc/contract';
import { callMain } from '../../../bridge/demarc-client';

type Method = ChannelRequest<'azure:sign-in'>['method'];
type Cloud = 'public' | 'china' | 'usgov' | 'custom';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'end' },
});

type Target = ChannelRequest<'azure:sign-in'>['target'];

/** The authority host main will use for a target, or main's reason for refusing the target. */
interface Resolved {
  key: string;
  authority?: string;
  problem?: string;
}

/**
 * Asks main which authority host a sign-in to `target` would use (main resolves and checks it
 * exactly as it will for the sign-in). `target` is null while the form cannot be sent.
 */
function useResolvedAuthority(target: Target | null): Omit<Resolved, 'key'> {
  const key = target ? JSON.stringify(target) : '';
  const [resolved, setResolved] = useState<Resolved>({ key: '' });
  useEffect(() => {
    if (!key) return;
    let current = true;
    callMain('azure:resolve-target', { target: JSON.parse(key) as Target }).then(
      ({ authorityHost }) => current && setResolved({ key, authority: authorityHost }),
      (error: unknown) => current && setResolved({ key, problem: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return resolved.key === key ? resolved : {};
}

/** What a custom endpoint field says while its value cannot be used (main checks again). */
function fieldProblem(value: string): string | undefined {
  const problem = value.trim() === '' ? undefined : endpointProblem(value.trim(), { anyPort: true });
  return problem ? `The address ${problem}.` : undefined;
}

/**
 * Where the credentials will be typed, said before anything opens: a custom authority host
 * could otherwise send the browser to a look-alike sign-in page unnoticed.
 */
function AuthorityNotice({ method, authority, problem }: { method: Method; authority: string | undefined; problem: string | undefined }) {
  if (method === 'cli') return <Text data-testid="azure-authority-shown">Uses the account of the Azure CLI (az login); Demarc opens no sign-in page.</Text>;
  if (problem) return <Text data-testid="azure-authority-shown">{problem}</Text>;
  if (!authority) return <Text data-testid="azure-authority-shown">Enter an https ARM endpoint and authority host to see where you will sign in.</Text>;
  return (
    <Text data-testid="azure-authority-shown">
      {method === 'browser' ? 'Your browser will open the sign-in page of ' : 'Sign-in authority: '}
      <strong data-testid="azure-authority-host-shown">{authority}</strong>
      {method === 'browser' ? '. Sign in only if that is the address you expect.' : '. Enter the code only at the address the code message names.'}
    </Text>
  );
}

/** Sign-in choices: method, cloud (custom: ARM endpoint + authority host), tenant, remember. */
export function SignInForm({ session, busy, onSignIn }: { session: ChannelResponse<'azure:get-session'> | null; busy: boolean; onSignIn: (request: ChannelRequest<'azure:sign-in'>) => void }) {
  const styles = useStyles();
  const [method, setMethod] = useState<Method>('device-code');
  const [cloud, setCloud] = useState<Cloud>('public');
  const [armEndpoint, setArmEndpoint] = useState('');
  const [authorityHost, setAuthorityHost] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [remember, setRemember] = useState(false);
  const target: Target = cloud === 'custom' ? { cloud, armEndpoint: armEndpoint.trim(), authorityHost: authorityHost.trim() } : { cloud };
  const complete = target.cloud !== 'custom' || [target.armEndpoint, target.authorityHost].every((v) => v !== '' && !endpointProblem(v, { anyPort: true }));
  const { authority, problem } = useResolvedAuthority(complete ? target : null);
  const submit = () => {
    const request: ChannelRequest<'azure:sign-in'> = { method, target, remember };
    if (tenantId.trim()) request.tenantId = tenantId.trim();
    onSignIn(request);
  };
  return (
    <div className={styles.form}>
      <div className={styles.grid}>
        <Field label="Sign in with">
          <RadioGroup layout="horizontal" value={method} onChange={(_e, d) => setMethod(d.value as Method)} data-testid="azure-method">
            <Radio value="browser" label="Browser" />
            <Radio value="device-code" label="Device code" />
            <Radio value="cli" label="Azure CLI" />
          </RadioGroup>
        </Field>
        <Field label="Cloud">
          <Select value={cloud} onChange={(_e, d) => setCloud(d.value as Cloud)} data-testid="azure-cloud">
            <option value="public">Azure (public)</option>
            <option value="china">Azure China (21Vianet)</option>
            <option value="usgov">Azure US Government</option>
            <option value="custom">Custom endpoints</option>
          </Select>
        </Field>
        {cloud === 'custom' && (
          <>
            <Field label="ARM endpoint (https)" validationMessage={fieldProblem(armEndpoint)}>
              <Input value={armEndpoint} onChange={(_e, d) => setArmEndpoint(d.value)} data-testid="azure-arm-endpoint" />
            </Field>
            <Field label="Authority host (https)" validationMessage={fieldProblem(authorityHost)}>
              <Input value={authorityHost} onChange={(_e, d) => setAuthorityHost(d.value)} data-testid="azure-authority-host" />
            </Field>
          </>
        )}
        <Field label="Tenant (optional)">
          <Input value={tenantId} onChange={(_e, d) => setTenantId(d.value)} placeholder="contoso.onmicrosoft.com" data-testid="azure-tenant" />
        </Field>
        <Checkbox
          checked={remember}
          disabled={session ? !session.canRemember : true}
          onChange={(_e, d) => setRemember(Boolean(d.checked))}
          label={session && !session.canRemember ? `Remember me (unavailable: ${session.reason ?? 'no secure storage'})` : 'Remember me on this computer'}
          data-testid="azure-remember"
        />
        <Button appearance="primary" onClick={submit} disabled={busy || !authority} data-testid="azure-sign-in">
          Sign in
        </Button>
      </div>
      <AuthorityNotice method={method} authority={authority} problem={problem} />
    </div>
  );
}
