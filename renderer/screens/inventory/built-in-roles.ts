/**
 * Names of common Azure built-in roles by role definition id. Built-in role definitions have
 * the same id in every tenant, so an assignment can be named even when the inventory holds no
 * role definition rows. Every id here is copied from Microsoft's "Azure built-in roles" page
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles, the
 * "Privileged" and "General" tables, page dated 2026-04-09). Ids not listed are shown as
 * unknown roles, never guessed.
 */
export const BUILT_IN_ROLE_NAMES: Readonly<Record<string, string>> = {
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'a8889054-8d42-49c9-bc1c-52486c10e7cd': 'Reservations Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
};
