/** Where a suggested business service comes from, without repeating its name: "resource group", not "resource group rg-web" beside "rg-web". */
export function suggestionSource(name: string, basis: string): string {
  return basis === `resource group ${name}` ? 'resource group' : basis;
}
