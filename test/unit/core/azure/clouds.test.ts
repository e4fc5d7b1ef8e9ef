import { describe, expect, it } from 'vitest';
import { CloudConfigError, resolveCloud } from '../../../../core/azure/clouds';

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
