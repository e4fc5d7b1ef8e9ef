/**
 * A Graph check's pass or fail fixture in the content pack (`checks/fixtures/GR-nn.*.json`,
 * assessments/FORMAT.md): an array of Graph snapshot rows (`{type, id, object}`, as
 * `demarc graph pull` writes them), plus at most one `{settings: {...}}` element for what
 * the consultant names (break-glass accounts). Only the collections the check reads need be
 * there: a collection with no row is recorded as a gap, as an import without its file is.
 */
import { z } from 'zod';
import { GRAPH_COLLECTIONS } from '../collections';
import { graphRowSchema, parseGraphSnapshot, type GraphRow, type GraphSnapshot } from '../snapshot';
import type { GraphCheckSettings } from './tenant-view';

const settingsSchema = z.strictObject({
  breakGlassAccounts: z.array(z.string().min(1)).optional(),
  globalAdministratorRange: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  secureScoreMinimumPercent: z.number().min(0).max(100).optional(),
});

const fixtureSchema = z
  .array(z.union([graphRowSchema, z.strictObject({ settings: settingsSchema })]))
  .min(1)
  .refine((items) => items.filter((i) => 'settings' in i).length <= 1, 'at most one {settings} element');

/** The tenant a fixture stands for: its organization row's id, or a placeholder. */
const FIXTURE_TENANT = 'fixture-tenant';

/** Builds the snapshot and settings a fixture describes; throws zod's error with the path. */
export function graphFixtureSnapshot(items: readonly Record<string, unknown>[]): { snapshot: GraphSnapshot; settings: GraphCheckSettings } {
  const parsed = fixtureSchema.parse(items);
  const rows = parsed.filter((i): i is GraphRow => 'type' in i);
  const settings: GraphCheckSettings = parsed.flatMap((i) => ('settings' in i ? [i.settings] : []))[0] ?? {};
  const collections = GRAPH_COLLECTIONS.map((c) => {
    const count = rows.filter((r) => r.type === c.type).length;
    return { collection: c.id, type: c.type, status: count > 0 ? ('complete' as const) : ('gap' as const), rows: count, pages: count > 0 ? 1 : 0 };
  });
  const gaps = collections
    .filter((c) => c.status === 'gap')
    .map((c) => ({ collection: c.collection, type: c.type, kind: 'not-provided' as const, httpStatus: null, code: 'notInFixture', message: 'not in the fixture' }));
  const organization = rows.find((r) => r.type === 'microsoft.graph/organization');
  const snapshot = parseGraphSnapshot({
    demarcGraphSnapshot: {
      schemaVersion: 1,
      source: 'import',
      tenantId: organization?.id ?? FIXTURE_TENANT,
      tenantName: typeof organization?.object.displayName === 'string' ? organization.object.displayName : null,
      cloud: 'public',
      graphEndpoint: 'https://graph.microsoft.com',
      startedAt: '2026-12-02T00:00:00Z',
      capturedAt: '2026-12-02T00:00:00Z',
      collections,
      gaps,
    },
    data: rows,
  });
  return { snapshot, settings };
}
