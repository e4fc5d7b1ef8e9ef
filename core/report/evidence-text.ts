import type { NsgInboundQuery } from '../checks/condition-types';
import { nsgInboundExposures } from '../checks/nsg';
import type { Check } from '../content/types';
import { expectedByPath, listText, scalarText } from './evidence-expected';
import { defenderItem, isDefenderItem } from './evidence-defender';
import { ARM_ID, isObject, lastSegment, nameOfId, propsOf, text, type EvidenceItem, type RowLookup } from './evidence-read';

export type { EvidenceItem, RowLookup } from './evidence-read';
import { caStateWords, graphExpected, graphValueText } from './evidence-graph';
import { softBreaks } from './render/text-metrics';

/**
 * Finding evidence for people: what a check read, rendered per kind of check instead of as
 * JSON. NSG findings become rule tables (rule, priority, protocol, ports, source, action);
 * Defender alerts, recommendations, compliance controls and attack paths are named by their
 * display name, severity, status and affected resource; everything else reads
 * "setting: value (expected: value)", the expectation stated from the check's own condition.
 * Nothing is cut: a long list is summarised by count (every element stays in the XLSX).
 *
 * Pure: the model builder cleans and masks the strings afterwards (see model-builders/risks.ts).
 */

/** One NSG rule that lets the Internet in. */
export interface NsgRuleRow {
  rule: string;
  priority: string;
  protocol: string;
  /** destination ports of the rule as written */
  ports: string;
  /** the ports this rule actually exposes (higher-priority denies removed) */
  exposed: string;
  source: string;
  action: string;
}


/** A setting the check read, its value and what the check expects ('' when it only scopes the check). */
export interface SettingRow {
  setting: string;
  /** the value, long lists summarised by count */
  value: string;
  /** the whole value when `value` summarises a list */
  fullValue?: string;
  expected: string;
}

export type EvidenceKind = 'nsg' | 'items' | 'settings';

/** The evidence of one finding (one check on one resource), readable. */
export interface ReadableEvidence {
  kind: EvidenceKind;
  /** one complete sentence or setting list: what a reader needs to know */
  summary: string;
  rules: NsgRuleRow[];
  items: EvidenceItem[];
  settings: SettingRow[];
  /** the evidence as the check recorded it (compact JSON), for the spreadsheet */
  raw: string;
  /**
   * true when the finding's resource is itself the Defender object the summary names (an
   * alert, a recommendation): its Azure name is an id, and the summary already says what it is
   */
  selfNamed?: boolean;
}

/** A finding as this module needs it (a bundle or engine finding). */
export interface EvidenceSubject {
  checkId: string;
  resourceName: string;
  resourceType: string;
  evidence: Record<string, unknown>;
}


// ------------------------------------------------------------------ lists and ids

/**
 * Built-in Azure roles the checks name, by role definition id (Microsoft Learn, "Azure
 * built-in roles", read 2026-12-02); custom roles are named from their stored row.
 */
const BUILT_IN_ROLES: Record<string, string> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
};

/** A role assignment as "Owner: User <principal id>" (the id is masked with the others). */
function roleAssignmentText(row: Record<string, unknown>, lookup: RowLookup): string {
  const p = propsOf(row);
  return `${roleOf(row, lookup)}: ${text(p.principalType) || 'principal'} ${text(p.principalId)}`.trim();
}

/** The role a role assignment grants: a built-in role by its id, a custom role by its stored name. */
function roleOf(row: Record<string, unknown>, lookup: RowLookup): string {
  const definition = text(propsOf(row).roleDefinitionId);
  const guid = lastSegment(definition).toLowerCase();
  return BUILT_IN_ROLES[guid] ?? (text(propsOf(lookup(definition)?.row).roleName) || 'role');
}

const ROLE_ASSIGNMENT = 'microsoft.authorization/roleassignments';

/** Principal types as people say them, singular and plural (Azure's principalType values). */
const PRINCIPAL_WORDS: Record<string, [string, string]> = {
  user: ['user', 'users'],
  group: ['group', 'groups'],
  serviceprincipal: ['service principal', 'service principals'],
  foreigngroup: ['foreign group', 'foreign groups'],
  device: ['device', 'devices'],
};

const andJoin = (parts: readonly string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);

/**
 * A list of role assignments as who holds which role, counted by principal type ("11: Owner to
 * 6 users and 5 groups"): a principal id means nothing to a reader, and masked it is not even
 * an id any more. The whole list, principal by principal, stays for the spreadsheet.
 * Undefined when the list holds anything but stored role assignments.
 */
function roleAssignmentsText(list: readonly unknown[], lookup: RowLookup): { value: string; full: string } | undefined {
  const hits = list.map((e) => (typeof e === 'string' && ARM_ID.test(e) ? (lookup(e) ?? lookup(e.toLowerCase())) : undefined));
  if (hits.length === 0 || hits.some((h) => !h || h.type.toLowerCase() !== ROLE_ASSIGNMENT)) return undefined;
  const rows = hits.map((h) => h!.row);
  const byRole = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const role = roleOf(row, lookup);
    const type = text(propsOf(row).principalType) || 'principal';
    const types = byRole.get(role) ?? byRole.set(role, new Map()).get(role)!;
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  const held = [...byRole].map(([role, types]) => {
    const who = [...types].map(([type, n]) => {
      const [one, many] = PRINCIPAL_WORDS[type.toLowerCase()] ?? [type, type];
      return `${n} ${n === 1 ? one : many}`;
    });
    return `${role} to ${andJoin(who)}`;
  });
  const value = held.join('; ');
  return { value: rows.length === 1 ? value : `${rows.length}: ${value}`, full: rows.map((row) => roleAssignmentText(row, lookup)).join(', ') };
}

/** An element of an evidence list as a short name. */
function elementText(e: unknown, lookup: RowLookup): string {
  if (typeof e === 'string' && ARM_ID.test(e)) {
    const hit = lookup(e);
    if (hit && hit.type.toLowerCase() === 'microsoft.authorization/roleassignments') return roleAssignmentText(hit.row, lookup);
    return nameOfId(e, lookup);
  }
  if (typeof e === 'string') return e;
  if (isObject(e)) {
    if (typeof e.displayName === 'string' && e.displayName) return e.displayName;
    if (typeof e.name === 'string' && e.name) return e.name;
    return flatten(e).join(', ');
  }
  return scalarText(e as null);
}

/** Scalar leaves of an object as `a.b=value`. */
function flatten(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) return flatten(v, key);
    if (Array.isArray(v)) return [`${key}=[${v.map((x) => (isObject(x) ? flatten(x).join(', ') : scalarText(x as null))).join(', ')}]`];
    return [`${key}=${scalarText(v as null)}`];
  });
}

/** A setting's label: the property path without the `properties.` and `$join.` prefixes. */
export const settingLabel = (path: string): string => path.replace(/^properties\./, '').replace(/^\$join\./, '');

// ------------------------------------------------------------------ NSG rules

function nsgQueryOf(check: Check | undefined): NsgInboundQuery | undefined {
  if (!check || check.evidenceSource !== 'arg') return undefined;
  let found: NsgInboundQuery | undefined;
  const walk = (c: unknown): void => {
    if (!isObject(c)) return;
    if (isObject(c.nsgAllowsInbound)) found = c.nsgAllowsInbound as unknown as NsgInboundQuery;
    for (const k of ['allOf', 'anyOf']) if (Array.isArray(c[k])) (c[k] as unknown[]).forEach(walk);
    if (c.not) walk(c.not);
  };
  walk(check.failWhen);
  return found;
}

const SOURCE_WORDS: Record<string, string> = { '*': 'Any (*)', any: 'Any', internet: 'Internet', '0.0.0.0/0': 'Any (0.0.0.0/0)', '::/0': 'Any (::/0)' };

function ruleRow(raw: unknown, exposed: string): NsgRuleRow {
  const r = isObject(raw) ? raw : {};
  const p = isObject(r.properties) ? r.properties : r;
  const many = (single: unknown, list: unknown): string[] => [...(text(single) ? [text(single)] : []), ...(Array.isArray(list) ? list.map(text).filter(Boolean) : [])];
  const sources = many(p.sourceAddressPrefix, p.sourceAddressPrefixes).map((s) => SOURCE_WORDS[s.toLowerCase()] ?? s);
  const protocol = text(p.protocol);
  return {
    rule: text(r.name) || '(unnamed rule)',
    priority: text(p.priority),
    protocol: protocol === '*' ? 'Any' : protocol.toUpperCase(),
    ports: many(p.destinationPortRange, p.destinationPortRanges).join(', ').replace(/^\*$/, 'Any') || 'not set',
    exposed: exposed === '*' ? 'all' : exposed,
    source: sources.join(', ') || 'not set',
    action: text(p.access),
  };
}

/** "TCP 22, 3389" or "UDP (any port)": what the check looks for. */
function queryText(q: NsgInboundQuery): string {
  const proto = q.protocol === '*' ? 'any protocol' : q.protocol.toUpperCase();
  return q.ports === 'any' ? `${proto} (any port)` : `${proto} ${q.ports.join(', ')}`;
}

/** The rules of an NSG finding: recomputed from the stored row when there is one (exposed ports), else as recorded. */
function nsgEvidence(f: EvidenceSubject, q: NsgInboundQuery, row: Record<string, unknown> | undefined): Pick<ReadableEvidence, 'rules' | 'summary'> {
  const props = propsOf(row);
  const exposures = row ? nsgInboundExposures(props, q) : undefined;
  const recorded = Object.entries(f.evidence).flatMap(([k, v]) => (/securityRules$/i.test(k) && Array.isArray(v) ? v : []));
  const rules = exposures ? exposures.map((e) => ruleRow(e.rule, e.exposedPorts)) : recorded.map((r) => ruleRow(r, ''));
  const unreadable = Object.values(f.evidence).some((v) => typeof v === 'string' && v.startsWith('unreadable'));
  const total = Array.isArray(props.securityRules) ? props.securityRules.length : undefined;
  const named = rules.map((r) => `${r.rule} (${r.exposed || r.ports})`);
  const lead = total !== undefined ? `${total} security rule${total === 1 ? '' : 's'}; ` : '';
  const summary = unreadable
    ? `A rule's port specification could not be read: review the rules by hand.`
    : `${lead}${rules.length} allow${rules.length === 1 ? 's' : ''} ${queryText(q)} from the Internet: ${listText(named).value}.`;
  return { rules, summary };
}

// ------------------------------------------------------------------ Defender objects

/** The Defender objects a finding is about: its own row, or the rows an aggregate's sets name. */
function defenderItems(f: EvidenceSubject, row: Record<string, unknown> | undefined, lookup: RowLookup): EvidenceItem[] {
  if (row && isDefenderItem(f.resourceType)) return [defenderItem(f.resourceType, row, lookup)];
  const out: EvidenceItem[] = [];
  for (const v of Object.values(f.evidence)) {
    if (!Array.isArray(v)) continue;
    for (const e of v) {
      const hit = typeof e === 'string' ? lookup(e) ?? lookup(e.toLowerCase()) : undefined;
      if (hit && isDefenderItem(hit.type)) out.push(defenderItem(hit.type, hit.row, lookup));
    }
  }
  return out;
}

function itemSentence(i: EvidenceItem): string {
  const facts = [i.severity && `severity ${i.severity}`, i.status].filter(Boolean).join(', ');
  return `${i.name}${facts ? ` (${facts})` : ''}${i.resource ? ` on ${i.resource}` : ''}`;
}

// ------------------------------------------------------------------ settings

/** A value the check read, as text: lists by their elements' names, objects by their leaves. */
function valueText(v: unknown, lookup: RowLookup): { value: string; full?: string } {
  if (Array.isArray(v)) return roleAssignmentsText(v, lookup) ?? listText(v.map((e) => elementText(e, lookup)));
  if (isObject(v)) return { value: 'set' };
  if (typeof v === 'string' && ARM_ID.test(v)) return { value: nameOfId(v, lookup) };
  return { value: scalarText(v as null) };
}

/**
 * A percentage Azure stores as a fraction (Defender's score.percentage, 0 to 1): said as a
 * percentage, the way the check's title and Microsoft's portal say it ("60.33 %", not "0.6033").
 */
const isFraction = (path: string, v: unknown): v is number => /\.percentage$/i.test(path) && typeof v === 'number' && v >= 0 && v <= 1;
const percentOf = (v: number): string => `${Math.round(v * 10_000) / 100} %`;

function argSettings(check: Check | undefined, f: EvidenceSubject, lookup: RowLookup): SettingRow[] {
  const failing = check && check.evidenceSource === 'arg' ? expectedByPath(check.failWhen, true) : new Map<string, string>();
  const scope = check && check.evidenceSource === 'arg' ? expectedByPath(check.appliesWhen, false) : new Map<string, string>();
  const rows: SettingRow[] = [];
  const push = (path: string, v: unknown, expected: string): void => {
    const t = valueText(v, lookup);
    if (isFraction(path, v)) rows.push({ setting: settingLabel(path), value: percentOf(v), expected: expected.replace(/\b0?\.\d+|\b1(?=\b)/g, (n) => percentOf(Number(n))) });
    else rows.push({ setting: settingLabel(path), value: t.value, ...(t.full ? { fullValue: t.full } : {}), expected });
  };
  // a failWhen test that the resource has the thing the check is about repeats the scope
  for (const [path, text] of failing) if (text === 'not set' && scope.has(path)) failing.delete(path);
  // what the check fails on first, then any other value it recorded, then the scope
  for (const [path, v] of Object.entries(f.evidence)) if (failing.has(path)) push(path, v, failing.get(path)!);
  // the resource's own name, recorded beside its settings, would only repeat the name the line starts with
  const ownName = (path: string, v: unknown): boolean => path === 'name' && v === f.resourceName;
  for (const [path, v] of Object.entries(f.evidence)) if (!failing.has(path) && !scope.has(path) && !ownName(path, v)) push(path, v, '');
  // a scoping value says why the check applies; only a plain value (a plan's name, a severity) says it to a reader
  for (const [path, v] of Object.entries(f.evidence)) if (!failing.has(path) && scope.has(path) && !ownName(path, v) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) push(path, v, '');
  return rows;
}

function graphSettings(f: EvidenceSubject): SettingRow[] {
  return Object.entries(f.evidence).map(([key, v]) => {
    const t = graphValueText(f.checkId, key, v) ?? valueText(v, () => undefined);
    return { setting: key, value: caStateWords(t.value), ...(t.full ? { fullValue: caStateWords(t.full) } : {}), expected: graphExpected(f.checkId, key, f.evidence) };
  });
}

/** "httpsOnly: false (expected: true)". */
export const settingText = (s: SettingRow, full = false): string => `${s.setting}: ${full && s.fullValue ? s.fullValue : s.value}${s.expected ? ` (expected: ${s.expected})` : ''}`;

// ------------------------------------------------------------------ entry points

/**
 * The readable evidence of one finding. `row` is the finding's stored Resource Graph row (for
 * the NSG's full rule set and Defender display names); `lookup` finds other stored rows by id
 * (the attack paths an aggregate names, a VM an id points at).
 */
export function readableEvidence(check: Check | undefined, f: EvidenceSubject, row: Record<string, unknown> | undefined, lookup: RowLookup): ReadableEvidence {
  const raw = JSON.stringify(f.evidence);
  const base = { rules: [], items: [], settings: [], raw };
  const q = nsgQueryOf(check);
  if (q) return { ...base, kind: 'nsg', ...nsgEvidence(f, q, row) };
  const items = defenderItems(f, row, lookup);
  if (items.length > 0) return { ...base, kind: 'items', items, summary: listText(items.map(itemSentence)).value, ...(row && isDefenderItem(f.resourceType) ? { selfNamed: true } : {}) };
  const settings = check?.evidenceSource === 'graph' || f.resourceType.startsWith('microsoft.graph/') ? graphSettings(f) : argSettings(check, f, lookup);
  return { ...base, kind: 'settings', settings, summary: settings.map((s) => settingText(s)).join('; ') };
}

/** Every line of the evidence, nothing summarised: the spreadsheet's readable column. */
export function evidenceFullText(e: ReadableEvidence): string {
  if (e.kind === 'nsg') return [e.summary, ...e.rules.map((r) => `${r.rule}: priority ${r.priority}, ${r.protocol}, ports ${r.ports}${r.exposed && r.exposed !== r.ports ? ` (exposed ${r.exposed})` : ''}, from ${r.source}, ${r.action}`)].join('\n');
  if (e.kind === 'items') return e.items.map((i) => `${itemSentence(i)}${i.detail ? `. ${i.detail}` : ''}`).join('\n');
  return e.settings.map((s) => settingText(s, true)).join('\n');
}

// ------------------------------------------------------------------ a risk's evidence, for the report

/** The findings of one check under a risk (a `RiskView['findings']` entry). */
export interface EvidenceGroup {
  checkId: string;
  checkTitle: string;
  /** failing resources in all (more than `resources` when the list was capped) */
  total: number;
  resources: readonly { name: string; evidence: string; detail?: ReadableEvidence }[];
}

/** A table of evidence: header, relative column weights and rows (plain text). */
export interface EvidenceTable {
  header: string[];
  weights: number[];
  rows: string[][];
}

/** Resources named per check by {@link evidenceLines} before the rest are counted. */
const LINE_RESOURCES = 3;

/**
 * A risk's inventory evidence as sentences, one per check: "NW-01 NSG allows RDP or SSH
 * from the Internet (3 resources): nsg-a: 4 security rules; 1 allows TCP 22, 3389 from the
 * Internet: allow-rdp (priority 100, TCP 3389 from Any (*)). nsg-b: …; and 1 more." Pure;
 * `perCheck` resources are described, the others counted.
 */
export function evidenceLines(findings: readonly EvidenceGroup[], perCheck = LINE_RESOURCES): string[] {
  return findings.map((g) => {
    // a Defender alert's resource name is its id: the summary names the alert instead
    const shown = g.resources.slice(0, perCheck).map((x) => (!x.evidence ? x.name : x.detail?.selfNamed ? x.evidence.replace(/\.$/, '') : `${x.name}: ${x.evidence.replace(/\.$/, '')}`));
    const more = g.total - shown.length;
    const count = `${g.total} resource${g.total === 1 ? '' : 's'}`;
    return `${g.checkId} ${g.checkTitle} (${count}): ${shown.join('. ')}${more > 0 ? `; and ${more} more` : ''}.`;
  });
}

/**
 * The evidence of one check's failing resources as a table for its kind: NSG rules (NSG,
 * rule, priority, protocol, ports exposed, source, action); Defender objects (name, severity,
 * status, affected resource); settings (resource, setting, value, expected), resources with
 * the same settings and values sharing their rows. Resources whose evidence is of another
 * kind, or gone, get one row with their summary.
 */
export function evidenceTable(group: EvidenceGroup): EvidenceTable {
  const t = evidenceRows(group);
  return { ...t, rows: t.rows.map((row) => row.map(softBreaks)) };
}

function evidenceRows(group: EvidenceGroup): EvidenceTable {
  const kinds = new Set(group.resources.map((x) => x.detail?.kind ?? 'settings'));
  const kind = kinds.size === 1 ? [...kinds][0]! : 'settings';
  const rows: string[][] = [];
  if (kind === 'nsg') {
    for (const x of group.resources)
      if (x.detail?.kind === 'nsg' && x.detail.rules.length > 0) for (const r of x.detail.rules) rows.push([x.name, r.rule, r.priority, r.protocol, r.exposed || r.ports, r.source, r.action]);
      else rows.push([x.name, x.evidence, '', '', '', '', '']);
    return { header: ['NSG', 'Rule', 'Priority', 'Protocol', 'Ports open', 'Source', 'Action'], weights: [2.4, 2.4, 1.1, 1.2, 1.6, 1.8, 1.1], rows };
  }
  if (kind === 'items') {
    for (const x of group.resources)
      if (x.detail?.kind === 'items') for (const i of x.detail.items) rows.push([i.name, i.severity, i.status, i.resource, i.detail]);
      else rows.push([x.name, '', '', '', x.evidence]);
    return { header: ['Name', 'Severity', 'Status', 'Affected resource', 'Detail'], weights: [3.5, 1.3, 1.7, 2, 4], rows };
  }
  // resources showing the very same settings share their rows ("vm-a, vm-b": the settings once)
  const same = new Map<string, { names: string[]; settings: readonly SettingRow[]; evidence: string }>();
  for (const x of group.resources) {
    const settings = x.detail?.kind === 'settings' ? x.detail.settings : [];
    const key = settings.length > 0 ? JSON.stringify(settings.map((s) => [s.setting, s.value, s.expected])) : `resource:${x.name}`;
    const hit = same.get(key);
    if (hit) hit.names.push(x.name);
    else same.set(key, { names: [x.name], settings, evidence: x.evidence });
  }
  for (const { names, settings, evidence } of same.values()) {
    const who = names.join(', ');
    if (settings.length === 0) rows.push([who, '', evidence, '']);
    settings.forEach((s, i) => rows.push([i === 0 ? who : '', s.setting, s.value, s.expected]));
  }
  return { header: ['Resource', 'Setting', 'Value', 'Expected'], weights: [2.6, 3, 3.2, 2.6], rows };
}
