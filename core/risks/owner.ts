import type { Matrix } from '../content/schemas';
import type { Area, Owner, ServiceModel } from '../content/vocabulary';

const models: readonly ServiceModel[] = ['iaas', 'paas', 'saas'];

/** Owner of an area for one service model: `matrix.rows[areaMap[area]].owners[model]`. */
export function ownerFor(matrix: Matrix, area: Area, model: ServiceModel): Owner {
  const rowId = matrix.areaMap[area];
  const row = matrix.rows.find((r) => r.id === rowId);
  const owner = row?.owners[model];
  if (!owner) throw new Error(`matrix '${matrix.id}' has no owner for ${area} x ${model}`);
  return owner;
}

/**
 * Owner across several service models: the common owner when they agree, `shared` when
 * they differ (docs/DOMAIN.md §1c). With no known model the area is looked up in every model
 * column; if the matrix gives the same owner everywhere that owner holds, else `unknown`.
 */
export function ownerAcross(matrix: Matrix, area: Area, serviceModels: Iterable<ServiceModel | 'unknown'>): Owner | 'unknown' {
  const known = [...new Set([...serviceModels].filter((m): m is ServiceModel => m !== 'unknown'))];
  if (known.length === 0) {
    const all = new Set(models.map((m) => ownerFor(matrix, area, m)));
    return all.size === 1 ? [...all][0]! : 'unknown';
  }
  const owners = new Set(known.map((m) => ownerFor(matrix, area, m)));
  return owners.size === 1 ? [...owners][0]! : 'shared';
}
