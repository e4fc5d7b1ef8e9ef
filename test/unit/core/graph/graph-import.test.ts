import { describe, expect, it } from 'vitest';
import { resolveGraphCloud } from '../../../../core/graph/clouds';
import { classifyRefusal } from '../../../../core/graph/gaps';
import { GraphImportError, importGraphFiles, type GraphImportOptions } from '../../../../core/graph/import';
import { rowsOf } from '../../../../core/graph/snapshot';
import { TENANT, wellConfiguredTenant } from '../../../fixtures/graph/tenant';

const at = { capturedAt: '2026-12-02T01:00:00Z' };
const org = { name: 'organization.json', text: JSON.stringify({ value: wellConfiguredTenant().organization }) };

function importError(files: { name: string; text: string }[], options: GraphImportOptions = at): string {
  try {
    importGraphFiles(files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphImportError);
    return (error as Error).message;
  }
  throw new Error('expected the import to fail');
}

describe('Graph import', () => {
  it('reads az rest pages, Invoke-MgGraphRequest singletons and ConvertTo-Json arrays', () => {
    const data = wellConfiguredTenant();
    const snapshot = importGraphFiles(
      [
        org,
        { name: 'exports/conditionalAccessPolicies.json', text: JSON.stringify(data.conditionalAccessPolicies) },
        { name: 'securityDefaults.json', text: JSON.stringify(data.securityDefaults) },
        { name: 'secureScores.json', text: JSON.stringify({ value: data.secureScores, '@odata.nextLink': 'https://graph.microsoft.com/v1.0/security/secureScores?$top=1&$skip=1' }) },
      ],
      at,
    );
    expect(snapshot.demarcGraphSnapshot.tenantId).toBe(TENANT);
    expect(rowsOf(snapshot, 'conditionalAccessPolicies')).toHaveLength(3);
    expect(rowsOf(snapshot, 'securityDefaults')[0]!.id).toBe('00000000-0000-0000-0000-000000000005');
    expect(rowsOf(snapshot, 'secureScores')).toHaveLength(1);
    expect(snapshot.demarcGraphSnapshot.gaps.find((g) => g.collection === 'users')).toMatchObject({ kind: 'not-provided', code: 'NotProvided' });
    expect(Object.isFrozen(snapshot.data)).toBe(true);
  });

  it('says which file and where for bad JSON, unknown names, objects without ids, Graph errors and a foreign tenant', () => {
    expect(importError([org, { name: 'users.json', text: '{"value": [\n  {"id": "a"},\n  }' }])).toMatch(/^users\.json: .*line 3, column 3/);
    expect(importError([{ name: 'mailboxes.json', text: '[]' }])).toMatch(/^mailboxes\.json: not a Graph export file name; expected <collection>\.json/);
    expect(importError([org, { name: 'users.json', text: '{"value": [{"id": "a"}, {"displayName": "no id"}]}' }])).toBe('users.json: value[1]: expected a Graph object with a string "id"');
    expect(importError([org, { name: 'roleEligibilitySchedules.json', text: '{"error": {"code": "AadPremiumLicenseRequired", "message": "x"}}' }])).toMatch(/holds a Graph error, not data/);
    expect(importError([org], { ...at, tenantId: '99999999-0000-0000-0000-000000000000' })).toMatch(/organization\.json: describes tenant 11111111/);
    expect(importError([{ name: 'users.json', text: '[]' }])).toMatch(/the tenant is unknown/);
    expect(importError([org, { name: 'authorizationPolicy.json', text: '[{"id": "a"}, {"id": "b"}]' }])).toMatch(/authorizationPolicy is a single object/);
  });
});

describe('Graph refusals', () => {
  it('makes licence and permission refusals gaps, and everything else a failure', () => {
    expect(classifyRefusal({ httpStatus: 400, code: 'AadPremiumLicenseRequired', message: '' })).toBe('licence');
    expect(classifyRefusal({ httpStatus: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: '' })).toBe('licence');
    expect(classifyRefusal({ httpStatus: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' })).toBe('permission');
    expect(classifyRefusal({ httpStatus: 404, code: 'Request_ResourceNotFound', message: '' })).toBe('not-available');
    expect(classifyRefusal({ httpStatus: 400, code: 'BadRequest', message: 'Invalid filter clause' })).toBeUndefined();
    expect(classifyRefusal({ httpStatus: 401, code: 'InvalidAuthenticationToken', message: '' })).toBeUndefined();
    expect(classifyRefusal({ httpStatus: 500, code: 'generalException', message: '' })).toBeUndefined();
  });
});

describe('Graph clouds', () => {
  it('knows the national clouds and scopes tokens to the Graph host', () => {
    expect(resolveGraphCloud({ cloud: 'usgov' })).toMatchObject({ graphEndpoint: 'https://graph.microsoft.us', authorityHost: 'https://login.microsoftonline.us', tokenScope: 'https://graph.microsoft.us/.default' });
    expect(resolveGraphCloud({ cloud: 'usgov-dod' }).tokenScope).toBe('https://dod-graph.microsoft.us/.default');
    expect(resolveGraphCloud({ cloud: 'china' })).toMatchObject({ graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn', disableInstanceDiscovery: false });
    expect(resolveGraphCloud({ graphEndpoint: 'https://graph.contoso.test/v1.0/', authorityHost: 'https://login.contoso.test' })).toMatchObject({
      name: 'custom',
      graphEndpoint: 'https://graph.contoso.test',
      tokenScope: 'https://graph.contoso.test/.default',
      disableInstanceDiscovery: true,
    });
    expect(() => resolveGraphCloud({ graphEndpoint: 'http://graph.contoso.test' })).toThrow(/must use https/);
  });
});
