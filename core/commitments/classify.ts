import type { Resource } from '../inventory/normalise';
import { DISK_CLASS_ORDER, diskClassOf, lastSegment, numberAt, stringAt, valueAt, zonesOf, type DiskClass } from './resource-shape';

/**
 * Decides which SLA tier of which service a resource falls under, from the configuration
 * Resource Graph shows. Returns the tier id (looked up in the pack's SLA table by the caller)
 * and a sentence saying what in the inventory decided it.
 */
export interface TierChoice {
  service: string;
  tier: string;
  basis: string;
  /**
   * Instances that one commitment covers together (an availability set, or VMs spread over
   * zones): Microsoft commits to connectivity to at least one of them, so a composite counts
   * the group once.
   */
  redundancyGroup?: string;
}

/** What the classifiers may look up across the whole inventory. */
export interface InventoryIndex {
  byId: ReadonlyMap<string, Resource>;
  /** VMs per availability set id (lower case) */
  vmsByAvailabilitySet: ReadonlyMap<string, Resource[]>;
  /** zonal VMs per subscription/resource group/location */
  zonalVmsByGroup: ReadonlyMap<string, Resource[]>;
}

const lower = (s: string): string => s.toLowerCase();
const groupKey = (r: Resource): string => lower(`${r.subscriptionId}/${r.resourceGroup}/${r.location}`);

/** Indexes an inventory once for {@link chooseTier}. */
export function indexInventory(resources: readonly Resource[]): InventoryIndex {
  const byId = new Map<string, Resource>();
  const vmsByAvailabilitySet = new Map<string, Resource[]>();
  const zonalVmsByGroup = new Map<string, Resource[]>();
  const push = (m: Map<string, Resource[]>, k: string, r: Resource) => (m.get(k) ?? m.set(k, []).get(k)!).push(r);
  for (const r of resources) {
    byId.set(lower(r.id), r);
    if (r.type !== 'microsoft.compute/virtualmachines') continue;
    const set = stringAt(r.raw, 'properties.availabilitySet.id');
    if (set) push(vmsByAvailabilitySet, lower(set), r);
    if (zonesOf(r).length > 0) push(zonalVmsByGroup, groupKey(r), r);
  }
  return { byId, vmsByAvailabilitySet, zonalVmsByGroup };
}

// ---------------------------------------------------------------- virtual machines

interface DiskRef {
  label: string;
  managedId?: string;
  storageAccountType?: string;
  unmanaged: boolean;
}

function diskRefs(storageProfile: unknown): DiskRef[] {
  const os = valueAt(storageProfile, 'osDisk');
  const data = valueAt(storageProfile, 'dataDisks');
  const ref = (d: unknown, label: string): DiskRef => ({
    label,
    managedId: stringAt(d, 'managedDisk.id'),
    storageAccountType: stringAt(d, 'managedDisk.storageAccountType'),
    unmanaged: valueAt(d, 'vhd') !== undefined,
  });
  const refs = os === undefined ? [] : [ref(os, 'OS disk')];
  if (Array.isArray(data)) data.forEach((d, i) => refs.push(ref(d, `data disk ${stringAt(d, 'name') ?? i + 1}`)));
  return refs;
}

/** The storage type of a disk: the disk resource's SKU when it is in the inventory, else the VM's own record. */
function diskClass(ref: DiskRef, index: InventoryIndex): DiskClass | undefined {
  if (ref.unmanaged) return undefined;
  const disk = ref.managedId ? index.byId.get(lower(ref.managedId)) : undefined;
  return diskClassOf(stringAt(disk?.raw, 'sku.name') ?? ref.storageAccountType);
}

const SINGLE_TIER: Record<DiskClass, string> = {
  premium: 'vm-single-premium',
  'standard-ssd': 'vm-single-standard-ssd',
  'standard-hdd': 'vm-single-standard-hdd',
};

/** A single instance's tier is that of its lowest disk; one disk of unknown type makes it unknown. */
export function singleInstanceTier(storageProfile: unknown, index: InventoryIndex, service: string): TierChoice {
  const refs = diskRefs(storageProfile);
  if (refs.length === 0) return { service, tier: 'vm-single-unknown-disks', basis: 'Single instance; the inventory shows no disks' };
  const classes = refs.map((r) => ({ ref: r, cls: diskClass(r, index) }));
  const missing = classes.filter((c) => c.cls === undefined);
  if (missing.length > 0) {
    const what = missing.map((m) => `${m.ref.label}${m.ref.unmanaged ? ' (unmanaged VHD)' : ''}`).join(', ');
    return { service, tier: 'vm-single-unknown-disks', basis: `Single instance; disk type not shown for ${what}` };
  }
  const lowest = DISK_CLASS_ORDER.find((c) => classes.some((x) => x.cls === c))!;
  const described = classes.map((c) => `${c.ref.label}: ${c.cls}`).join(', ');
  return { service, tier: SINGLE_TIER[lowest], basis: `Single instance; lowest disk decides (${described})` };
}

function virtualMachine(vm: Resource, index: InventoryIndex): TierChoice {
  const setId = stringAt(vm.raw, 'properties.availabilitySet.id');
  // a VM and its availability set share a subscription; a row claiming otherwise is not counted as a peer
  const peers = setId ? (index.vmsByAvailabilitySet.get(lower(setId)) ?? []).filter((p) => lower(setId).startsWith(`/subscriptions/${lower(p.subscriptionId)}/`)) : [];
  if (setId && peers.length >= 2)
    return { service: 'virtual-machines', tier: 'vm-availability-set', basis: `${peers.length} VMs in availability set ${lastSegment(setId)}`, redundancyGroup: `set:${lower(setId)}` };
  const zonal = zonesOf(vm).length > 0 ? (index.zonalVmsByGroup.get(groupKey(vm)) ?? []) : [];
  const zones = new Set(zonal.flatMap((r) => zonesOf(r)));
  if (zonal.length >= 2 && zones.size >= 2)
    return {
      service: 'virtual-machines',
      tier: 'vm-zones',
      basis: `${zonal.length} VMs of resource group ${vm.resourceGroup} in ${vm.location} across zones ${[...zones].sort().join(', ')} (taken as one deployment)`,
      redundancyGroup: `zones:${groupKey(vm)}`,
    };
  return singleInstanceTier(valueAt(vm.raw, 'properties.storageProfile'), index, 'virtual-machines');
}

function scaleSet(vmss: Resource, index: InventoryIndex): TierChoice {
  const capacity = numberAt(vmss.raw, 'sku.capacity');
  const zones = zonesOf(vmss);
  if (capacity === undefined) return { service: 'vm-scale-sets', tier: 'vmss-single', basis: 'Instance count not shown' };
  if (capacity >= 2 && zones.length >= 2) return { service: 'vm-scale-sets', tier: 'vmss-zones', basis: `${capacity} instances across zones ${zones.join(', ')}` };
  if (capacity >= 2) return { service: 'vm-scale-sets', tier: 'vmss-fault-domains', basis: `${capacity} instances, no zones` };
  const single = singleInstanceTier(valueAt(vmss.raw, 'properties.virtualMachineProfile.storageProfile'), index, 'virtual-machines');
  return { ...single, basis: `${capacity} instance(s): ${single.basis}` };
}

// ---------------------------------------------------------------- platform services

function webSite(site: Resource, index: InventoryIndex): TierChoice {
  if (lower(stringAt(site.raw, 'kind') ?? '').includes('functionapp'))
    return { service: 'functions', tier: 'functions-any-plan', basis: 'Function app (every plan has the same figure)' };
  const planId = stringAt(site.raw, 'properties.serverFarmId');
  const plan = planId ? index.byId.get(lower(planId)) : undefined;
  const tier = stringAt(plan?.raw, 'sku.tier');
  if (!tier) return { service: 'app-service', tier: 'app-service-unknown-plan', basis: planId ? `Plan ${lastSegment(planId)} is not in the inventory` : 'No App Service plan shown' };
  if (/^(free|shared)$/i.test(tier)) return { service: 'app-service', tier: 'app-service-free-shared', basis: `Plan ${plan!.name} is in the ${tier} tier` };
  const zoneRedundant = valueAt(plan!.raw, 'properties.zoneRedundant') === true;
  return {
    service: 'app-service',
    tier: 'app-service-basic-plus',
    basis: `Plan ${plan!.name} is in the ${tier} tier${zoneRedundant ? '; the plan is zone redundant, for which Microsoft says the figure increases by an amount we could not source, so this is a floor' : ''}`,
  };
}

const ZONE_REDUNDANT_SQL_TIERS = /^(generalpurpose|businesscritical|premium|hyperscale)$/i;

function sqlDatabase(db: Resource): TierChoice | undefined {
  const tier = stringAt(db.raw, 'sku.tier');
  if (db.name.toLowerCase() === 'master' || tier?.toLowerCase() === 'system') return undefined;
  const zoneRedundant = valueAt(db.raw, 'properties.zoneRedundant') === true;
  if (zoneRedundant && tier && ZONE_REDUNDANT_SQL_TIERS.test(tier))
    return { service: 'sql-database', tier: 'sql-zone-redundant', basis: `${tier} tier, zone redundant` };
  return { service: 'sql-database', tier: 'sql-standard', basis: `${tier ?? 'Tier not shown'}${zoneRedundant ? ', zone redundant (tier not eligible for the higher figure)' : ', not zone redundant'}` };
}

function storageAccount(account: Resource): TierChoice {
  const sku = stringAt(account.raw, 'sku.name');
  const access = stringAt(account.raw, 'properties.accessTier');
  if (!sku || /^premium/i.test(sku)) return { service: 'storage', tier: 'storage-unknown', basis: sku ? `${sku}: premium performance is not in the SLA sections read` : 'SKU not shown' };
  if (!access) return { service: 'storage', tier: 'storage-unknown', basis: `${sku} (${stringAt(account.raw, 'kind') ?? 'kind not shown'}); no access tier shown` };
  const readAccess = /_ra/i.test(sku);
  const hot = /^hot$/i.test(access);
  const tier = `storage-${hot ? 'hot' : 'cool'}${readAccess ? '-ra' : ''}`;
  return { service: 'storage', tier, basis: `${sku}, ${access} access tier` };
}

function cosmosAccount(account: Resource): TierChoice {
  const locations = valueAt(account.raw, 'properties.locations');
  const list = Array.isArray(locations) ? locations : [];
  const zones = list.some((l) => valueAt(l, 'isZoneRedundant') === true);
  if (valueAt(account.raw, 'properties.enableMultipleWriteLocations') === true && list.length > 1)
    return { service: 'cosmos-db', tier: 'cosmos-multi-write', basis: `${list.length} regions, multiple write regions` };
  if (list.length > 1)
    return { service: 'cosmos-db', tier: zones ? 'cosmos-multi-region-zones' : 'cosmos-multi-region', basis: `${list.length} regions, one write region${zones ? ', zone redundant' : ', no zones'}` };
  return { service: 'cosmos-db', tier: zones ? 'cosmos-single-region-zones' : 'cosmos-single-region', basis: `One region${zones ? ', zone redundant' : ', no zones'}` };
}

function kubernetes(cluster: Resource): TierChoice {
  const tier = stringAt(cluster.raw, 'sku.tier');
  if (!tier) return { service: 'aks', tier: 'aks-unknown-tier', basis: 'Pricing tier not shown (sku.tier)' };
  if (/^free$/i.test(tier)) return { service: 'aks', tier: 'aks-free', basis: `${tier} tier` };
  const pools = valueAt(cluster.raw, 'properties.agentPoolProfiles');
  const zonal = Array.isArray(pools) && pools.some((p) => Array.isArray(valueAt(p, 'availabilityZones')) && (valueAt(p, 'availabilityZones') as unknown[]).length > 0);
  return { service: 'aks', tier: zonal ? 'aks-paid-zones' : 'aks-paid', basis: `${tier} tier, ${zonal ? 'node pools in availability zones' : 'no availability zones'}` };
}

function applicationGateway(gw: Resource): TierChoice {
  const skuTier = stringAt(gw.raw, 'properties.sku.tier') ?? stringAt(gw.raw, 'sku.tier') ?? '';
  const skuName = stringAt(gw.raw, 'properties.sku.name') ?? stringAt(gw.raw, 'sku.name') ?? '';
  const capacity = numberAt(gw.raw, 'properties.sku.capacity') ?? numberAt(gw.raw, 'sku.capacity');
  if (/_v2$/i.test(skuTier)) {
    const autoscale = valueAt(gw.raw, 'properties.autoscaleConfiguration') !== undefined;
    const zones = zonesOf(gw);
    if (autoscale || zones.length >= 2)
      return { service: 'application-gateway', tier: 'appgw-eligible', basis: `${skuTier}${autoscale ? ', autoscale' : ''}${zones.length >= 2 ? `, zones ${zones.join(', ')}` : ''}` };
    return { service: 'application-gateway', tier: 'appgw-not-eligible', basis: `${skuTier}, fixed capacity ${capacity ?? '?'} and no zones` };
  }
  const eligible = (capacity ?? 0) >= 2 && !/small/i.test(skuName);
  return { service: 'application-gateway', tier: eligible ? 'appgw-eligible' : 'appgw-not-eligible', basis: `${skuName || 'v1'} with ${capacity ?? '?'} instance(s)` };
}

function firewall(fw: Resource): TierChoice {
  const zones = zonesOf(fw);
  return zones.length >= 2
    ? { service: 'azure-firewall', tier: 'firewall-zones', basis: `Zones ${zones.join(', ')}` }
    : { service: 'azure-firewall', tier: 'firewall-single', basis: zones.length === 1 ? `Single zone ${zones[0]}` : 'No zones' };
}

function loadBalancer(lb: Resource): TierChoice | undefined {
  const sku = stringAt(lb.raw, 'sku.name');
  if (sku && /^standard$/i.test(sku)) return { service: 'load-balancer', tier: 'lb-standard', basis: 'Standard SKU (the figure needs two or more healthy VMs behind it)' };
  if (sku && /^basic$/i.test(sku)) return { service: 'load-balancer', tier: 'lb-basic', basis: 'Basic SKU' };
  return undefined;
}

type Classifier = (r: Resource, index: InventoryIndex) => TierChoice | undefined;

const fixed = (service: string, tier: string, basis: string): Classifier => () => ({ service, tier, basis });

/** Resource type -> classifier. Types not listed have no SLA of their own in the table (disks, NSGs…). */
export const CLASSIFIERS: Readonly<Record<string, Classifier>> = {
  'microsoft.compute/virtualmachines': virtualMachine,
  'microsoft.compute/virtualmachinescalesets': scaleSet,
  'microsoft.web/sites': webSite,
  'microsoft.sql/servers/databases': sqlDatabase,
  'microsoft.sql/managedinstances': fixed('sql-managed-instance', 'sql-mi-any', 'Managed instance'),
  'microsoft.storage/storageaccounts': storageAccount,
  'microsoft.documentdb/databaseaccounts': cosmosAccount,
  'microsoft.keyvault/vaults': fixed('key-vault', 'key-vault-any', 'Key vault'),
  'microsoft.containerservice/managedclusters': kubernetes,
  'microsoft.network/applicationgateways': applicationGateway,
  'microsoft.network/azurefirewalls': firewall,
  'microsoft.network/loadbalancers': loadBalancer,
  'microsoft.network/virtualnetworkgateways': fixed('network-gateways', 'gateway-any', 'Virtual network gateway'),
  'microsoft.network/expressroutecircuits': fixed('network-gateways', 'gateway-any', 'ExpressRoute circuit'),
  'microsoft.operationalinsights/workspaces': fixed('log-analytics', 'log-analytics-any', 'Log Analytics workspace'),
  'microsoft.network/dnszones': fixed('dns', 'dns-zone', 'Public DNS zone'),
};

/** The tier a resource falls under, or undefined when its type has no SLA of its own. */
export function chooseTier(resource: Resource, index: InventoryIndex): TierChoice | undefined {
  return CLASSIFIERS[resource.type]?.(resource, index);
}

/** Every tier id the classifiers can return, for the content check. */
export const CLASSIFIER_TIERS: readonly string[] = [
  'vm-zones', 'vm-availability-set', 'vm-single-premium', 'vm-single-standard-ssd', 'vm-single-standard-hdd', 'vm-single-unknown-disks',
  'vmss-zones', 'vmss-fault-domains', 'vmss-single', 'functions-any-plan', 'app-service-unknown-plan', 'app-service-free-shared', 'app-service-basic-plus',
  'sql-zone-redundant', 'sql-standard', 'sql-mi-any', 'storage-unknown', 'storage-hot', 'storage-hot-ra', 'storage-cool', 'storage-cool-ra',
  'cosmos-multi-write', 'cosmos-multi-region', 'cosmos-multi-region-zones', 'cosmos-single-region', 'cosmos-single-region-zones', 'key-vault-any',
  'aks-unknown-tier', 'aks-free', 'aks-paid', 'aks-paid-zones', 'appgw-eligible', 'appgw-not-eligible', 'firewall-zones', 'firewall-single', 'lb-standard', 'lb-basic',
  'gateway-any', 'log-analytics-any', 'dns-zone',
];
