/**
 * Assumptions clients commonly make about what Microsoft does, and what is true instead
 * (docs/DOMAIN.md §5, the grey areas of the shared responsibility analysis). Each names the risk
 * templates that show the assumption is being relied on in this client's estate.
 */
export interface GreyArea {
  id: string;
  assumption: string;
  reality: string;
  /** who must act: the customer configures, or the customer turns on what Microsoft provides */
  clientAction: string;
  riskTemplates: string[];
}

export const GREY_AREAS: readonly GreyArea[] = [
  {
    id: 'm365-backup',
    assumption: 'Microsoft backs up our Microsoft 365 mail, files and Teams data.',
    reality:
      'Microsoft keeps the service available and offers retention and recycle bins with short, fixed windows. Restoring data after mass deletion, encryption or a malicious insider is the customer’s responsibility (Microsoft 365 Backup or a third-party product).',
    clientAction: 'Decide recovery objectives for Microsoft 365 data and buy or configure a backup that meets them.',
    riskTemplates: ['RT-BKP-M365-NOT-PROTECTED'],
  },
  {
    id: 'azure-backup',
    assumption: 'Azure keeps copies of our virtual machines and databases.',
    reality:
      'Platform redundancy protects against hardware failure, not against deletion, corruption or ransomware. Azure Backup, point-in-time restore and their retention must be configured per resource; backups of IaaS VMs are never on by default.',
    clientAction: 'Enable and monitor backup for every production VM and data store; protect the vaults from administrators.',
    riskTemplates: ['RT-VM-NO-BACKUP', 'RT-BKP-PAAS-DATA-UNPROTECTED', 'RT-BKP-BACKUPS-DESTRUCTIBLE', 'RT-BKP-UNTESTED-RESTORE'],
  },
  {
    id: 'tenant-monitoring',
    assumption: 'Microsoft watches our tenant for attacks and will call us if something happens.',
    reality:
      'Microsoft runs incident response for its own platform. It does not monitor, triage or respond to attacks inside a customer’s tenant or subscriptions; the signals are provided (Defender, Entra ID Protection, logs) but someone on the customer’s side, or its MSSP, must watch and act on them.',
    clientAction: 'Assign 24x7 triage of security alerts (internal SOC or MSSP) and route notifications to a monitored queue.',
    riskTemplates: ['RT-IRP-SHARED-RESPONSIBILITY-UNCLEAR', 'RT-LOG-NO-SIEM', 'RT-DF-ACTIVE-ALERTS', 'RT-LOG-NO-ALERT-NOTIFICATIONS'],
  },
  {
    id: 'defender-plans',
    assumption: 'Defender for Cloud protects our workloads out of the box.',
    reality:
      'The free tier gives posture recommendations only. Threat detection for servers, storage, databases, Key Vault and containers is in paid plans that are off until the customer enables them (shared-dependent: Microsoft provides, the customer turns on).',
    clientAction: 'Enable the Defender plans the workloads need on every production subscription.',
    riskTemplates: ['RT-DF-PLANS-OFF', 'RT-DF-POSTURE'],
  },
  {
    id: 'ddos',
    assumption: 'Azure DDoS protection covers our public applications.',
    reality:
      'Every public IP gets infrastructure-level DDoS protection tuned for the platform, not for the customer’s application. Application-tuned mitigation, telemetry and cost protection need DDoS Network or IP Protection.',
    clientAction: 'Enable DDoS Network Protection (or IP Protection) for networks with critical Internet-facing services.',
    riskTemplates: ['RT-NW-DDOS', 'RT-NW-NO-WAF'],
  },
  {
    id: 'paas-private',
    assumption: 'Platform services are private because they run inside Azure.',
    reality:
      'Storage, SQL, Key Vault and most PaaS services are created with public endpoints and often key-based access. Network restrictions, private endpoints and Entra-only authentication are customer configuration (network controls are shared for PaaS).',
    clientAction: 'Disable public network access and shared keys where not needed; use private endpoints for production data.',
    riskTemplates: ['RT-PAAS-PUBLIC-NETWORK', 'RT-ST-ANONYMOUS-ACCESS', 'RT-LOCAL-AUTH'],
  },
  {
    id: 'log-retention',
    assumption: 'Microsoft keeps our logs for as long as an investigation needs them.',
    reality:
      'The Activity Log is kept 90 days, Entra ID sign-in logs 7 to 30 days and Purview Audit 180 days by default. Longer retention and central search require the customer to export the logs.',
    clientAction: 'Export Activity, Entra ID and resource logs to a workspace with at least 12 months of retention.',
    riskTemplates: ['RT-LOG-NO-ACTIVITY-LOG', 'RT-LOG-NO-ENTRA-LOGS', 'RT-LOG-M365-AUDIT-GAPS', 'RT-LOG-NO-RESOURCE-LOGS', 'RT-NW-NO-VISIBILITY'],
  },
  {
    id: 'vm-patching',
    assumption: 'Microsoft patches our virtual machines.',
    reality:
      'In IaaS the guest operating system is the customer’s: Microsoft patches the hosts, the customer patches the VMs (Azure Update Manager makes it easier but must be configured).',
    clientAction: 'Put every VM under an automatic patching schedule and track compliance.',
    riskTemplates: ['RT-VM-PATCHING', 'RT-VM-HARDENING'],
  },
  {
    id: 'identity-defaults',
    assumption: 'Microsoft’s defaults protect our sign-ins.',
    reality:
      'Identities and users are the customer’s in every service model. Security defaults or Conditional Access, MFA strength, legacy authentication and consent settings are the customer’s choices, and tenants created before 2019 often have none of them on.',
    clientAction: 'Enforce MFA with Conditional Access, block legacy authentication and restrict user consent.',
    // the risks of the sign-in settings the reality names (MFA, its strength, legacy
    // authentication, consent); Azure role sprawl is not a sign-in default
    riskTemplates: ['RT-IDN-USER-MFA', 'RT-PAM-PRIV-MFA', 'RT-IDN-WEAK-MFA-METHODS', 'RT-IDN-LEGACY-AUTH', 'RT-IDN-USER-CONSENT'],
  },
  {
    id: 'provider-incidents',
    assumption: 'We will hear about it if Microsoft has an incident that affects us.',
    reality:
      'Microsoft publishes service issues and security advisories in Service Health and the Microsoft 365 Message center and notifies administrators; they reach people only if alerts are configured and contacts are current.',
    clientAction: 'Configure Service Health alerts for every subscription and keep tenant notification contacts current.',
    riskTemplates: ['RT-PROVIDER-INCIDENT-AWARENESS', 'RT-M365-CHANGES-UNTRACKED'],
  },
];
