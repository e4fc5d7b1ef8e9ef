import type { RiskMatrix } from '../content/schemas';

/** Level id from the lookup grid (never multiplied): `grid[likelihood-1][impact-1]`. */
export function riskLevel(matrix: RiskMatrix, likelihood: number, impact: number): string {
  const level = matrix.grid[likelihood - 1]?.[impact - 1];
  if (!level) throw new Error(`risk matrix '${matrix.id}' has no cell for likelihood ${likelihood}, impact ${impact}`);
  return level;
}

/** Order of a level (higher = worse); 0 when unknown. */
export function levelOrder(matrix: RiskMatrix, level: string): number {
  return matrix.levels.find((l) => l.id === level)?.order ?? 0;
}
