/** How the inventory names a subscription it holds by id. */

/** A subscription's display name from the inventory, else its id (an inventory without the subscription's own row). */
export function subscriptionName(names: ReadonlyMap<string, string>, subscriptionId: string): string {
  return names.get(subscriptionId.toLowerCase()) ?? subscriptionId;
}
