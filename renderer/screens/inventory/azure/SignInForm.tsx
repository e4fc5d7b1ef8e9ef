import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { endpointProblem, signInAuthorityHost } from '../../../../core/azure/clouds';
import type { ChannelRequest, ChannelResponse } from '../../../../core/ipc/contract';

type Method = ChannelRequest<'azure:sign-in'>['method'];
type Cloud = 'public' | 'china' | 'usgov' | 'custom';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'end' },
});

/** What a custom endpoint field says while its value cannot be used (main checks again). */
function fieldProblem(value: string): string | undefined {
  const problem = value.trim() === '' ? undefined : endpointProblem(value.trim(), { anyPort: true });
  return problem ? `The address ${problem}.` : undefined;
}

/**
 * Where the credentials will be typed, said before anything opens: a custom authority host
 * could otherwise send the browser to a look-alike sign-in page unnoticed.
 */
function AuthorityNotice({ method, authority }: { method: Method; authority: string | undefined }) {
  if (method === 'cli') return <Text data-testid="azure-authority-shown">Uses the account of the Azure CLI (az login); Demarc opens no sign-in page.</Text>;
  if (!authority) return <Text data-testid="azure-authority-shown">Enter an https authority host to see where you will sign in.</Text>;
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
  const target: ChannelRequest<'azure:sign-in'>['target'] =
    cloud === 'custom' ? { cloud, armEndpoint: armEndpoint.trim(), authorityHost: authorityHost.trim() } : { cloud };
  const authority = signInAuthorityHost(target);
  const customInvalid = target.cloud === 'custom' && (!authority || endpointProblem(target.armEndpoint, { anyPort: true }) !== undefined);
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
        <Button appearance="primary" onClick={submit} disabled={busy || customInvalid} data-testid="azure-sign-in">
          Sign in
        </Button>
      </div>
      <AuthorityNotice method={method} authority={authority} />
    </div>
  );
}
