import { describe, expect, it } from 'vitest';
import { CloudConfigError, resolveCloud } from '../../../../core/azure/clouds';
import { endpointProblem } from '../../../../core/azure/endpoint';
import { cloudTargetSchema } from '../../../../core/ipc/contract';
import { BAD_AUTHORITY_HOSTS } from './bad-endpoints';

describe('resolveCloud', () => {
  it('derives the token scope from the ARM endpoint for every named cloud', () => {
    expect(resolveCloud()).toEqual({
      name: 'public',
      armEndpoint: 'https://management.azure.com',
      authorityHost: 'https://login.microsoftonline.com',
      tokenScope: 'https://management.azure.com/.default',
      disableInstanceDiscovery: false,
    });
    expect(resolveCloud({ cloud: 'china' })).toMatchObject({
      armEndpoint: 'https://management.chinacloudapi.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      tokenScope: 'https://management.chinacloudapi.cn/.default',
    });
    expect(resolveCloud({ cloud: 'usgov' })).toMatchObject({
      armEndpoint: 'https://management.usgovcloudapi.net',
      authorityHost: 'https://login.microsoftonline.us',
      tokenScope: 'https://management.usgovcloudapi.net/.default',
    });
  });

  it('supports custom endpoints and disables instance discovery for a custom authority', () => {
    const cloud = resolveCloud({ armEndpoint: 'https://arm.contoso.example/', authorityHost: 'https://login.contoso.example' });
    expect(cloud).toEqual({
      name: 'custom',
      armEndpoint: 'https://arm.contoso.example',
      authorityHost: 'https://login.contoso.example',
      tokenScope: 'https://arm.contoso.example/.default',
      disableInstanceDiscovery: true,
    });
    expect(resolveCloud({ armEndpoint: 'https://arm.contoso.example' }).disableInstanceDiscovery).toBe(false);
  });

  it('rejects non-https, credentials and queries', () => {
    expect(() => resolveCloud({ armEndpoint: 'http://management.azure.com' })).toThrow(CloudConfigError);
    expect(() => resolveCloud({ authorityHost: 'https://u:p@login.example' })).toThrow(/credentials/);
    expect(() => resolveCloud({ armEndpoint: 'https://x.example/?a=1' })).toThrow(/query/);
    expect(() => resolveCloud({ armEndpoint: 'not a url' })).toThrow(/not a URL/);
    expect(() => resolveCloud({ cloud: 'mars' as never })).toThrow(/unknown cloud/);
  });
});

describe('custom endpoints', () => {
  it.each(BAD_AUTHORITY_HOSTS)('refuses %s', (value, reason) => {
    expect(endpointProblem(value)).toMatch(reason);
    expect(() => resolveCloud({ authorityHost: value })).toThrow(CloudConfigError);
    expect(() => resolveCloud({ armEndpoint: value })).toThrow(reason);
  });

  it('accepts https on the default port, with a path (AD FS), and another port only when asked', () => {
    for (const ok of ['https://login.contoso.example', 'https://login.contoso.example:443/', 'https://adfs.contoso.example/adfs']) expect(endpointProblem(ok), ok).toBeUndefined();
    expect(resolveCloud({ authorityHost: 'https://login.contoso.example:443/' }).authorityHost).toBe('https://login.contoso.example');
    expect(resolveCloud({ authorityHost: 'https://127.0.0.1:8443' }, { anyPort: true }).authorityHost).toBe('https://127.0.0.1:8443');
  });

  it('the IPC contract refuses the same values, except the port (the session in main checks that)', () => {
    for (const [value] of BAD_AUTHORITY_HOSTS.filter(([, reason]) => !String(reason).includes('port'))) {
      const parsed = cloudTargetSchema.safeParse({ cloud: 'custom', armEndpoint: 'https://management.contoso.example', authorityHost: value });
      expect(parsed.success, value).toBe(false);
    }
  });
});
