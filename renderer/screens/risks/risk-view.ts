/** Filtering and sorting of the register (pure, so 5,000 rows sort in a few milliseconds). */
import type { RiskMatrix } from '../../../core/content/schemas';
import type { EvidenceStatus } from '../../../core/risks/schema';
import { categoryLabel } from '../../content/vocabulary-labels';
import type { RiskRowRecord as RiskRecord } from '../../db/database';
import type { RiskFilter, RiskSortKey } from '../../stores/ui-store';

export function levelLabel(matrix: RiskMatrix, level: string | null | undefined): string {
  if (!level) return '—';
  return matrix.levels.find((l) => l.id === level)?.label ?? level;
}

/** How a row's risk is known; rows written before the field existed: hand-added ones are manual, others unknown until re-derived. */
export function knownOf(r: RiskRecord): EvidenceStatus | '' {
  return r.evidenceStatus ?? (r.origin === 'manual' ? 'manual' : '');
}

export function matchesFilter(r: RiskRecord, f: RiskFilter): boolean {
  if (f.owner && r.effectiveOwner !== f.owner) return false;
  if (f.level && r.inherentLevel !== f.level) return false;
  if (f.category && r.category !== f.category) return false;
  if (f.treatment && (r.treatment ?? 'none') !== f.treatment) return false;
  if (f.status && r.status !== f.status) return false;
  if (f.known && knownOf(r) !== f.known) return false;
  if (f.cell) {
    if (f.cell.kind === 'inherent' && (r.likelihood !== f.cell.likelihood || r.impact !== f.cell.impact)) return false;
    if (f.cell.kind === 'residual' && (r.residual?.likelihood !== f.cell.likelihood || r.residual?.impact !== f.cell.impact)) return false;
  }
  return true;
}

export function sortRisks(risks: RiskRecord[], key: RiskSortKey, descending: boolean, matrix: RiskMatrix): RiskRecord[] {
  const order = new Map(matrix.levels.map((l) => [l.id, l.order]));
  const value = (r: RiskRecord): string | number => {
    switch (key) {
      case 'inherent':
        return (order.get(r.inherentLevel) ?? 0) * 100 + r.likelihood * r.impact;
      case 'residual':
        return r.residual ? (order.get(r.residual.level) ?? 0) * 100 + r.residual.likelihood * r.residual.impact : -1;
      case 'owner':
        return r.effectiveOwner;
      case 'treatment':
        return r.treatment ?? '';
      case 'known':
        return knownOf(r);
      case 'category':
        return categoryLabel(r.category);
      default:
        return r[key];
    }
  };
  const keyed = risks.map((r) => ({ r, v: value(r) }));
  keyed.sort((a, b) => {
    const c = a.v < b.v ? -1 : a.v > b.v ? 1 : a.r.id < b.r.id ? -1 : 1;
    return descending ? -c : c;
  });
  return keyed.map((k) => k.r);
}
