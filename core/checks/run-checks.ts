import { isArgCheck, type ArgCheck, type Check, type Matrix } from '../content/schemas';
import type { Area, Mappings, Owner, Severity } from '../content/vocabulary';
import type { Resource, ResourceServiceModel } from '../inventory/normalise';
import { ownerAcross } from '../risks/owner';
import { compileCondition, type CompiledCondition, type Evidence } from './evaluator';
import { compileJoin, indexJoin, joinedRows, type CompiledJoin } from './join';
import { readPath, splitPath } from './path';

export type FindingStatus = 'pass' | 'fail' | 'not-applicable';

/** The result of one check on one resource (or one subscription, for aggregate checks). */
export interface Finding {
  checkId: string;
  title: string;
  resourceId: string;
  resourceName: string;
  resourceType: string;
  subscriptionId: string;
  status: FindingStatus;
  severity: Severity;
  owner: Owner | 'unknown';
  responsibilityArea: Area;
  serviceModel: ResourceServiceModel;
  /** property path (dot notation from the row root) -> value seen; arrays hold the matching elements */
  evidence: Evidence;
  /** the finding's own framework mappings, present when the check maps per subject (`subjectMappings`); otherwise the check's apply */
  mappings?: Mappings;
}

interface CompiledCheck {
  check: ArgCheck;
  applies?: CompiledCondition;
  fails: CompiledCondition;
  joins: CompiledJoin[];
  /** the finding mappings for a subject row, when the check maps per subject */
  mappingsOf?: (row: unknown) => Mappings;
}

/**
 * Compiles every condition of the Resource Graph checks once. Checks of other evidence
 * sources (Microsoft Graph: core/graph/checks/) are left out: they never see these rows.
 */
export function compileChecks(checks: readonly Check[]): CompiledCheck[] {
  return checks.filter(isArgCheck).map((check) => {
    const compiled: CompiledCheck = {
      check,
      fails: compileCondition(check.failWhen),
      joins: Object.entries(check.join ?? {}).map(([name, j]) => compileJoin(name, j)),
    };
    if (check.appliesWhen) compiled.applies = compileCondition(check.appliesWhen);
    if (check.subjectMappings) compiled.mappingsOf = subjectMappingsOf(check);
    return compiled;
  });
}

/** Per-subject mappings: the entry picked by the subject's value at `field` replaces the check's keys it names. */
function subjectMappingsOf(check: ArgCheck): (row: unknown) => Mappings {
  const spec = check.subjectMappings!;
  const field = splitPath(spec.field);
  const byValue = new Map(Object.entries(spec.values).map(([value, m]) => [value.toLowerCase(), m]));
  return (row) => {
    const value = readPath(row, field);
    const own = typeof value === 'string' ? byValue.get(value.toLowerCase()) : undefined;
    return { ...check.mappings, ...own };
  };
}

/** Resources indexed once for all checks. */
interface InventoryIndex {
  byType: Map<string, Resource[]>;
  bySubscription: Map<string, Resource[]>;
  subscriptionNames: Map<string, string>;
}

function indexInventory(resources: readonly Resource[]): InventoryIndex {
  const byType = new Map<string, Resource[]>();
  const bySubscription = new Map<string, Resource[]>();
  const subscriptionNames = new Map<string, string>();
  for (const r of resources) {
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, (list = []));
    list.push(r);
    if (r.subscriptionId) {
      let subs = bySubscription.get(r.subscriptionId);
      if (!subs) bySubscription.set(r.subscriptionId, (subs = []));
      subs.push(r);
    }
    if (r.type === 'microsoft.resources/subscriptions' && r.subscriptionId) {
      const display = readPath(r.raw, ['properties', 'displayName']);
      subscriptionNames.set(r.subscriptionId, typeof display === 'string' ? display : r.name);
    }
  }
  return { byType, bySubscription, subscriptionNames };
}

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  /** The responsibility matrix used for `owner`. */
  matrix: Matrix;
  /** Also return not-applicable findings (default true). */
  includeNotApplicable?: boolean;
}

/**
 * Runs every check over the inventory: resources x checks -> findings, in a deterministic
 * order (check order, then resource order; aggregate findings by subscription id).
 */
export function runChecks(resources: readonly Resource[], checks: readonly Check[] | readonly CompiledCheck[], options: RunChecksOptions): Finding[] {
  const compiled = (checks.length > 0 && 'fails' in checks[0]! ? checks : compileChecks(checks as Check[])) as CompiledCheck[];
  const index = indexInventory(resources);
  const includeNa = options.includeNotApplicable ?? true;
  const findings: Finding[] = [];
  const ownerCache = new Map<string, Owner | 'unknown'>();
  const owner = (area: Area, model: ResourceServiceModel): Owner | 'unknown' => {
    const k = `${area}|${model}`;
    let o = ownerCache.get(k);
    if (o === undefined) ownerCache.set(k, (o = ownerAcross(options.matrix, area, [model])));
    return o;
  };

  for (const cc of compiled) {
    const { check } = cc;
    if (check.kind === 'aggregate') {
      runAggregate(cc, index, (sub, status, evidence) => {
        if (status === 'not-applicable' && !includeNa) return;
        const model = check.serviceModel ?? 'unknown';
        findings.push({
          checkId: check.id,
          title: check.title,
          resourceId: `/subscriptions/${sub}`,
          resourceName: index.subscriptionNames.get(sub) ?? sub,
          resourceType: 'microsoft.resources/subscriptions',
          subscriptionId: sub,
          status,
          severity: check.severity,
          owner: owner(check.area, model),
          responsibilityArea: check.area,
          serviceModel: model,
          evidence,
        });
      });
      continue;
    }
    // join indexes, built once per check
    const joinIndexes = cc.joins.map((j) => indexJoin(j, (type) => (index.byType.get(type) ?? []).map((r) => r.raw)));
    for (const type of check.resourceTypes) {
      for (const r of index.byType.get(type) ?? []) {
        let root: unknown = r.raw;
        if (cc.joins.length > 0) {
          const joined: Record<string, unknown[]> = {};
          cc.joins.forEach((j, i) => {
            joined[j.name] = joinedRows(j, joinIndexes[i]!, r.raw);
          });
          root = { ...r.raw, $join: joined };
        }
        const evidence: Evidence = {};
        let status: FindingStatus;
        if (cc.applies && !cc.applies(root, evidence)) status = 'not-applicable';
        else status = cc.fails(root, evidence) ? 'fail' : 'pass';
        if (status === 'not-applicable' && !includeNa) continue;
        const model = check.serviceModel ?? r.serviceModel;
        findings.push({
          checkId: check.id,
          title: check.title,
          resourceId: r.id,
          resourceName: r.name,
          resourceType: r.type,
          subscriptionId: r.subscriptionId,
          status,
          severity: check.severity,
          owner: owner(check.area, model),
          responsibilityArea: check.area,
          serviceModel: model,
          evidence,
          ...(cc.mappingsOf ? { mappings: cc.mappingsOf(r.raw) } : {}),
        });
      }
    }
  }
  return findings;
}

function runAggregate(cc: CompiledCheck, index: InventoryIndex, emit: (sub: string, status: FindingStatus, evidence: Evidence) => void): void {
  const spec = cc.check.aggregate!;
  const sets = Object.entries(spec.sets).map(([name, s]) => ({
    name,
    types: new Set(s.types),
    where: s.where ? compileCondition(s.where, false) : undefined,
  }));
  const derives = Object.entries(spec.derive ?? {}).map(([name, d]) => ({
    name,
    d,
    path: 'distinct' in d ? splitPath(d.distinct.path) : 'collect' in d ? splitPath(d.collect.path) : [],
    where: 'collect' in d && d.collect.where ? compileCondition(d.collect.where, false) : undefined,
    value: 'collect' in d && d.collect.value ? splitPath(d.collect.value) : [],
  }));
  const subs = [...index.bySubscription.keys()].sort();
  for (const sub of subs) {
    const group: Record<string, unknown> = { subscriptionId: sub };
    for (const s of sets) {
      const rows: unknown[] = [];
      for (const r of index.bySubscription.get(sub)!) {
        if (s.types.has(r.type) && (!s.where || s.where(r.raw, null))) rows.push(r.raw);
      }
      group[s.name] = rows;
    }
    for (const { name, d, path, where, value } of derives) {
      if ('collect' in d) {
        const values = new Set<string>();
        for (const row of (group[d.collect.set] as unknown[]) ?? []) {
          const v = readPath(row, path);
          for (const element of Array.isArray(v) ? v : [v]) {
            if (element === undefined || element === null || (where && !where(element, null))) continue;
            const picked = readPath(element, value);
            if (typeof picked === 'string' && picked !== '') values.add(picked.toLowerCase());
          }
        }
        group[name] = [...values].sort();
      } else if ('distinct' in d) {
        const rows = (group[d.distinct.set] as unknown[]) ?? [];
        const values = new Set<string>();
        for (const row of rows) {
          const v = readPath(row, path);
          if (typeof v === 'string' && v !== '') values.add(v.toLowerCase().replace(/\s+/g, ''));
        }
        group[name] = [...values].sort();
      } else {
        const [a, b] = d.difference;
        const minus = new Set((group[b] as string[]) ?? []);
        group[name] = ((group[a] as string[]) ?? []).filter((v) => !minus.has(v));
      }
    }
    const evidence: Evidence = {};
    let status: FindingStatus;
    if (cc.applies && !cc.applies(group, evidence)) status = 'not-applicable';
    else status = cc.fails(group, evidence) ? 'fail' : 'pass';
    emit(sub, status, evidence);
  }
}
