/**
 * A Graph snapshot read back from a bundle keeps no objects, but its findings on the tenant
 * name the organization: the record shows the tenant by that name, else by its id alone.
 */
import { describe, expect, it } from 'vitest';
import type { BundleSnapshot } from '../../../../core/bundle/schema';
import { graphRecordFromBundle, tenantNameOfFindings } from '../../../../renderer/bundle/graph-snapshots';
import { tenantLabel } from '../../../../renderer/screens/inventory/resource-labels';

const TENANT = 'e0f4b3d5-8a7c-4b1d-8f6e-4d5e6f708192';
const snapshot: BundleSnapshot = { id: 'g1', takenAt: '2026-11-24T09:41:00.000Z', source: 'graph-pull', rowCount: 20, subscriptions: [], tenantId: TENANT };
const finding = (resourceId: string, resourceName: string, resourceType: string) => ({ status: 'fail' as const, resourceId, resourceName, resourceType });

describe('the tenant of a Graph snapshot from a bundle', () => {
  it('is named as its findings on the organization name it', () => {
    const findings = [finding('u1', 'sam@contoso.example', 'microsoft.graph/users'), finding(TENANT.toUpperCase(), 'Contoso Pharma Ltd', 'microsoft.graph/organization')];
    const record = graphRecordFromBundle(snapshot, 'a1', findings);
    expect(record.graph?.tenantName).toBe('Contoso Pharma Ltd');
    expect(tenantLabel(record.graph!)).toBe(`Contoso Pharma Ltd (${TENANT})`);
  });

  it('is its id alone when no finding names it (or a finding names it by its id, or another tenant)', () => {
    expect(tenantNameOfFindings(TENANT, [])).toBeNull();
    expect(tenantNameOfFindings(TENANT, [finding(TENANT, TENANT, 'microsoft.graph/organization')])).toBeNull();
    expect(tenantNameOfFindings(TENANT, [finding('another-tenant', 'Fabrikam', 'microsoft.graph/organization')])).toBeNull();
    expect(tenantLabel({ tenantId: TENANT, tenantName: null })).toBe(TENANT);
  });
});
