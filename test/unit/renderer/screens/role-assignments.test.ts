import { describe, expect, it } from 'vitest';
import { customRoleIds, describeRoleAssignment, describeRoleAssignments, describeScope, principalTypeLabel, roleName, roleNamesOf } from '../../../../renderer/screens/inventory/role-assignments';

// Row shapes as Resource Graph's authorizationresources table returns them (see
// test/fixtures/estates/mixed-estate.json for full rows).
const SUB = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const subscriptions = new Map([[SUB, 'Contoso Production']]);
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const CUSTOM = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function assignment(n: number, roleGuid: string, principalType: string | null, scope: string | undefined): Record<string, unknown> {
  const id = `${scope === '/' || scope === undefined ? `/subscriptions/${SUB}` : scope}/providers/Microsoft.Authorization/roleAssignments/b0f43c54-e787-4862-89b1-a653fa9c00${n}`;
  return {
    id,
    name: id.split('/').pop(),
    type: 'microsoft.authorization/roleassignments',
    properties: { roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`, principalId: 'ce2ce14e-85d7-4629-bdbc-000000000001', principalType, scope },
  };
}

const customRole = {
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${CUSTOM}`,
  name: CUSTOM,
  type: 'microsoft.authorization/roledefinitions',
  properties: { roleName: 'VM Operator', type: 'CustomRole' },
};

describe('role names', () => {
  it('names built-in roles by their documented id, whatever the case', () => {
    expect(roleName(`/providers/Microsoft.Authorization/roleDefinitions/${OWNER.toUpperCase()}`, new Map())).toEqual({ name: 'Owner', known: true });
    expect(roleName('/x/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', new Map()).name).toBe('User Access Administrator');
  });
  it("names custom roles from the inventory's own definitions, and asks only for those", () => {
    const rows = [assignment(1, CUSTOM, 'User', `/subscriptions/${SUB}`), assignment(2, OWNER, 'User', `/subscriptions/${SUB}`)];
    expect([...customRoleIds(rows)]).toEqual([CUSTOM]);
    expect([...describeRoleAssignments(rows, roleNamesOf([customRole]), subscriptions).values()].map((v) => v.role)).toEqual(['VM Operator', 'Owner']);
    expect([...describeRoleAssignments(rows, new Map(), subscriptions).values()].map((v) => v.role)).toEqual([`Unknown role (${CUSTOM})`, 'Owner']);
  });
  it('shows an unknown id as unknown, with the id', () => {
    expect(roleName('/x/roleDefinitions/c0ffee00-1234-4abc-8def-0123456789ab', new Map())).toEqual({ name: 'Unknown role (c0ffee00-1234-4abc-8def-0123456789ab)', known: false });
    expect(roleName(undefined, new Map()).known).toBe(false);
  });
});

describe('scopes in words', () => {
  it.each([
    ['/', 'root', 'Root scope (/)'],
    ['/providers/Microsoft.Management/managementGroups/corp', 'management group', 'Management group corp'],
    [`/subscriptions/${SUB}`, 'subscription', 'Subscription Contoso Production'],
    [`/subscriptions/${SUB.toUpperCase()}/resourceGroups/rg-app`, 'resource group', 'Resource group rg-app in Contoso Production'],
    ['/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg-app', 'resource group', 'Resource group rg-app in 00000000-0000-4000-8000-000000000000'],
    [`/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01`, 'resource', 'Resource stdata01 (Microsoft.Storage/storageAccounts) in rg-data'],
    [`/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql1/databases/db1`, 'resource', 'Resource db1 (Microsoft.Sql/servers/databases) in rg-data'],
    ['tenant-wide?', 'unknown', 'Unknown scope (tenant-wide?)'],
  ])('%s', (scope, kind, label) => {
    expect(describeScope(scope, subscriptions)).toEqual({ kind, label });
  });
});

describe('a role assignment in words', () => {
  it('gives role, principal type and scope instead of the GUID', () => {
    expect(describeRoleAssignment(assignment(2, OWNER, 'ServicePrincipal', `/subscriptions/${SUB}/resourceGroups/rg-app`), new Map(), subscriptions)).toMatchObject({
      role: 'Owner',
      principalType: 'Service principal',
      scopeKind: 'resource group',
      scope: 'Resource group rg-app in Contoso Production',
    });
  });
  it('takes the scope from the id when the row has none, and says what it does not know', () => {
    expect(describeRoleAssignment(assignment(3, OWNER, null, undefined), new Map(), subscriptions)).toMatchObject({ principalType: 'Unknown principal type', scope: 'Subscription Contoso Production' });
    expect(principalTypeLabel('SomethingNew')).toBe('SomethingNew');
  });
  it('ignores rows that are not role assignments or have the wrong shape', () => {
    expect(describeRoleAssignment(customRole, new Map(), subscriptions)).toBeNull();
    expect(describeRoleAssignment({ id: 5, type: 'microsoft.authorization/roleassignments' }, new Map(), subscriptions)).toBeNull();
    expect(describeRoleAssignment({ ...assignment(4, OWNER, 'User', '/'), properties: 'oops' }, new Map(), subscriptions)).toBeNull();
  });
});
