/** How the inventory names what it holds by id: a subscription, a Graph tenant. */

/** A subscription's display name from the inventory, else its id (an inventory without the subscription's own row). */
export function subscriptionName(names: ReadonlyMap<string, string>, subscriptionId: string): string {
  return names.get(subscriptionId.toLowerCase()) ?? subscriptionId;
}

/** A Microsoft Graph snapshot's tenant: "Contoso Pharma (e0f4b3d5-…)", else its id alone (no name recorded). */
export function tenantLabel(graph: { tenantId: string; tenantName: string | null }): string {
  const id = graph.tenantId || 'unknown';
  return graph.tenantName ? `${graph.tenantName} (${id})` : id;
}
