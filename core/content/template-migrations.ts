import type { Located } from './parse-files';
import type { PackHeader, RiskTemplate, TemplateMigration } from './schemas';
import type { ContentError } from './types';

/** Compares two `x.y.z` versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Indexes `template-migrations.yaml`: each retired template id points at a live template
 * (no chains, so one lookup migrates), is never reused by a live template, appears once,
 * and was retired in a version no later than the pack's own.
 */
export function indexTemplateMigrations(
  migrations: Located<TemplateMigration>[],
  ctx: { riskTemplates: Map<string, RiskTemplate>; header: PackHeader | undefined },
  errors: ContentError[],
): Map<string, TemplateMigration> {
  const out = new Map<string, TemplateMigration>();
  for (const m of migrations) {
    const { from, to, retiredIn } = m.value;
    if (out.has(from)) errors.push({ file: m.file, path: `${m.path}.from`, message: `'${from}' is migrated twice` });
    if (ctx.riskTemplates.has(from)) errors.push({ file: m.file, path: `${m.path}.from`, message: `'${from}' is retired but a risk template still has that id (a retired id is never reused)` });
    if (!ctx.riskTemplates.has(to)) errors.push({ file: m.file, path: `${m.path}.to`, message: `'${to}' is not a risk template of this pack (migrations point at live templates, no chains)` });
    if (ctx.header && compareVersions(retiredIn, ctx.header.version) > 0)
      errors.push({ file: m.file, path: `${m.path}.retiredIn`, message: `retired in ${retiredIn}, later than the pack version ${ctx.header.version}` });
    out.set(from, m.value);
  }
  return out;
}
