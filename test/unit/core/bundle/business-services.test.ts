import { describe, expect, it } from 'vitest';
import { belongsTo, membersOf, servicesByResource, servicesOfResources } from '../../../../core/bundle/business-services';
import type { BusinessService } from '../../../../core/bundle/schema';

const SUB = '00000000-0000-0000-0000-000000000001';
const vm = { id: `/subscriptions/${SUB}/resourceGroups/RG-LIMS/providers/Microsoft.Compute/virtualMachines/vm-lims-01`, subscriptionId: SUB, resourceGroup: 'RG-LIMS' };
const sql = { id: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-clin`, subscriptionId: SUB, resourceGroup: 'rg-data' };
const other = { id: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/sites/www`, subscriptionId: SUB, resourceGroup: 'rg-web' };

const lims: BusinessService = { id: 'lims', name: 'LIMS', resourceIds: [], resourceGroups: [`${SUB}/rg-lims`] };
const clinical: BusinessService = { id: 'clin', name: 'Clinical data platform', resourceIds: [sql.id.toUpperCase()], resourceGroups: [] };
const both: BusinessService = { id: 'all', name: 'Research', resourceIds: [vm.id], resourceGroups: [`${SUB}/RG-DATA`] };

describe('business service membership', () => {
  it('takes resources by resource group and by id, ignoring case', () => {
    expect(belongsTo(lims, vm)).toBe(true);
    expect(belongsTo(lims, sql)).toBe(false);
    expect(belongsTo(clinical, sql)).toBe(true);
    expect(membersOf(both, [vm, sql, other])).toEqual([vm, sql]);
  });

  it('names every service of a resource set once, in the order the services were defined', () => {
    const services = [lims, clinical, both];
    const index = servicesByResource(services, [vm, sql, other]);
    expect(index.get(vm.id.toLowerCase())).toEqual(['LIMS', 'Research']);
    expect(servicesOfResources(index, [sql.id, vm.id], services)).toEqual(['LIMS', 'Clinical data platform', 'Research']);
    expect(servicesOfResources(index, [other.id], services)).toEqual([]);
  });
});
