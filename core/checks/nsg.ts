import type { NsgInboundQuery } from './condition-types';
import { formatRanges, intersectPorts, parsePortSpec, subtractRanges, type PortRange } from './ports';

/** Source prefixes that mean "anyone on the Internet". Compared case-insensitively. */
export const internetSources = new Set(['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0']);

interface Rule {
  name: string;
  access: string;
  direction: string;
  protocol: string;
  priority: number;
  sources: string[];
  ports: PortRange[] | undefined;
  raw: unknown;
  isDefault: boolean;
}

/** One rule that lets the Internet in, with the ports it actually exposes. */
export interface NsgExposure {
  rule: unknown;
  ruleName: string;
  defaultRule: boolean;
  exposedPorts: string;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function readRules(list: unknown, isDefault: boolean): Rule[] {
  if (!Array.isArray(list)) return [];
  const out: Rule[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    // ARG and ARM nest rule fields under `properties`; some exports flatten them.
    const p = (r.properties && typeof r.properties === 'object' ? r.properties : r) as Record<string, unknown>;
    const sources: string[] = [];
    if (typeof p.sourceAddressPrefix === 'string' && p.sourceAddressPrefix !== '') sources.push(p.sourceAddressPrefix);
    if (Array.isArray(p.sourceAddressPrefixes)) for (const s of p.sourceAddressPrefixes) if (typeof s === 'string') sources.push(s);
    const single = p.destinationPortRange;
    const many = p.destinationPortRanges;
    const a = parsePortSpec(single);
    const b = parsePortSpec(many);
    out.push({
      name: str(r.name),
      access: str(p.access).toLowerCase(),
      direction: str(p.direction).toLowerCase(),
      protocol: str(p.protocol).toLowerCase() || '*',
      priority: typeof p.priority === 'number' ? p.priority : Number(p.priority ?? Number.MAX_SAFE_INTEGER),
      sources,
      ports: a && b ? [...a, ...b] : undefined,
      raw,
      isDefault,
    });
  }
  return out;
}

function protocolCovers(ruleProtocol: string, wanted: NsgInboundQuery['protocol']): boolean {
  if (ruleProtocol === '*' || ruleProtocol === 'any') return true;
  if (wanted === '*') return ruleProtocol === 'tcp' || ruleProtocol === 'udp';
  return ruleProtocol === wanted;
}

function denyCovers(ruleProtocol: string, wanted: NsgInboundQuery['protocol']): boolean {
  // a deny shadows the tested traffic only if it covers the whole protocol being tested
  if (ruleProtocol === '*' || ruleProtocol === 'any') return true;
  return wanted !== '*' && ruleProtocol === wanted;
}

const fromInternet = (r: Rule): boolean => r.sources.some((s) => internetSources.has(s.toLowerCase()));

/**
 * Evaluates inbound NSG rules the way Azure does: by priority, first match wins,
 * `securityRules` and the platform `defaultSecurityRules` together. A port is exposed when
 * an Allow rule from an Internet source covers it and no Deny rule of higher priority
 * (lower number) from an Internet-covering source shadows it. Outbound rules are ignored.
 * Returns the exposing rules, or `undefined` when a rule cannot be read (never guessed).
 */
export function nsgInboundExposures(nsgProperties: unknown, query: NsgInboundQuery): NsgExposure[] | undefined {
  if (!nsgProperties || typeof nsgProperties !== 'object') return [];
  const p = nsgProperties as Record<string, unknown>;
  const rules = [...readRules(p.securityRules, false), ...readRules(p.defaultSecurityRules, true)]
    .filter((r) => r.direction === 'inbound')
    .sort((a, b) => a.priority - b.priority);
  const exposures: NsgExposure[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.access !== 'allow' || !fromInternet(rule) || !protocolCovers(rule.protocol, query.protocol)) continue;
    if (!rule.ports) return undefined;
    let open = query.ports === 'any' ? rule.ports : intersectPorts(rule.ports, query.ports);
    for (let j = 0; j < i && open.length > 0; j++) {
      const earlier = rules[j]!;
      if (earlier.access !== 'deny' || !fromInternet(earlier) || !denyCovers(earlier.protocol, query.protocol)) continue;
      if (!earlier.ports) return undefined;
      open = subtractRanges(open, earlier.ports);
    }
    if (open.length > 0) exposures.push({ rule: rule.raw, ruleName: rule.name, defaultRule: rule.isDefault, exposedPorts: formatRanges(open) });
  }
  return exposures;
}
