/**
 * Built-in Microsoft Entra directory roles by template id, from "Microsoft Entra built-in
 * roles" (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference,
 * read 2026-12-02). Role assignments name built-in roles by these template ids.
 */
export const ROLE = Object.freeze({
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  conditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  passwordAdministrator: '966707d0-3269-4727-9be2-8c3a10f19b9d',
  hybridIdentityAdministrator: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  sharePointAdministrator: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  billingAdministrator: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  domainNameAdministrator: '8329153b-31d0-4727-b945-745eb3bc5f31',
  externalIdentityProviderAdministrator: 'be2f45a1-457d-42af-a067-6ec1fa63bc45',
});

/**
 * Roles whose holders Demarc treats as privileged: the roles Microsoft labels PRIVILEGED on
 * the built-in roles page, plus Exchange and SharePoint Administrator, which Microsoft's
 * "Require MFA for administrators" Conditional Access policy targets
 * (https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin,
 * read 2026-12-02). Global Reader and Security Reader are read-only but labelled privileged
 * (they read every setting and security report).
 */
export const PRIVILEGED_ROLES: ReadonlyMap<string, string> = new Map([
  [ROLE.globalAdministrator, 'Global Administrator'],
  [ROLE.privilegedRoleAdministrator, 'Privileged Role Administrator'],
  [ROLE.privilegedAuthenticationAdministrator, 'Privileged Authentication Administrator'],
  [ROLE.securityAdministrator, 'Security Administrator'],
  [ROLE.conditionalAccessAdministrator, 'Conditional Access Administrator'],
  [ROLE.applicationAdministrator, 'Application Administrator'],
  [ROLE.cloudApplicationAdministrator, 'Cloud Application Administrator'],
  [ROLE.authenticationAdministrator, 'Authentication Administrator'],
  [ROLE.userAdministrator, 'User Administrator'],
  [ROLE.helpdeskAdministrator, 'Helpdesk Administrator'],
  [ROLE.passwordAdministrator, 'Password Administrator'],
  [ROLE.hybridIdentityAdministrator, 'Hybrid Identity Administrator'],
  [ROLE.exchangeAdministrator, 'Exchange Administrator'],
  [ROLE.sharePointAdministrator, 'SharePoint Administrator'],
  [ROLE.intuneAdministrator, 'Intune Administrator'],
  [ROLE.globalReader, 'Global Reader'],
  [ROLE.securityReader, 'Security Reader'],
  [ROLE.domainNameAdministrator, 'Domain Name Administrator'],
  [ROLE.externalIdentityProviderAdministrator, 'External Identity Provider Administrator'],
]);

/**
 * The roles Microsoft's "Require MFA for administrators" policy template includes at a
 * minimum (same page as above): a Conditional Access policy requiring MFA for
 * administrators must cover each of them.
 */
export const MFA_POLICY_ADMIN_ROLES: readonly string[] = Object.freeze([
  ROLE.globalAdministrator,
  ROLE.privilegedRoleAdministrator,
  ROLE.privilegedAuthenticationAdministrator,
  ROLE.securityAdministrator,
  ROLE.conditionalAccessAdministrator,
  ROLE.applicationAdministrator,
  ROLE.cloudApplicationAdministrator,
  ROLE.authenticationAdministrator,
  ROLE.userAdministrator,
  ROLE.helpdeskAdministrator,
  ROLE.passwordAdministrator,
  ROLE.exchangeAdministrator,
  ROLE.sharePointAdministrator,
  ROLE.billingAdministrator,
]);

/** A role's name: the privileged list, else the tenant's role definitions, else the id. */
export function roleName(templateId: string, definitions: ReadonlyMap<string, string> = new Map()): string {
  return PRIVILEGED_ROLES.get(templateId) ?? definitions.get(templateId) ?? templateId;
}
