import { z } from 'zod';
import type { RiskTemplate } from './schemas';
import type { ContentError } from './types';
import { AreaSchema, RiskCategorySchema, type Area, type RiskCategory } from './vocabulary';

/**
 * `themes.yaml` (optional): how the report groups the register into themes a client reads
 * (sign-in, Internet exposure, backup ...), and the planning data of the roadmap built on
 * them: person-day ranges per effort level and the order some fixes must come in.
 *
 * A template belongs to the theme that lists it in `match.templates`; otherwise to the one
 * theme whose `match.categories` / `match.areas` it satisfies (both, when both are given).
 * `demarc content check` requires every template of the pack to land in exactly one theme.
 */

const templateId = z.string().regex(/^RT-[A-Z0-9]+(-[A-Z0-9]+)*$/, 'risk template ids look like RT-IDN-PRIV-MFA');
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');

const PersonDays = z
  .strictObject({ min: z.number().positive(), max: z.number().positive() })
  .refine((r) => r.min <= r.max, 'min must not be larger than max');
export type PersonDays = z.infer<typeof PersonDays>;

export const RiskThemeSchema = z.strictObject({
  id: kebab,
  title: z.string().min(1),
  /** one or two sentences for the client: why this group of risks matters to the business */
  whyItMatters: z.string().min(1),
  /** the role that usually owns the fixes (suggested in the roadmap when no action owner is set) */
  ownerRole: z.string().min(1).optional(),
  match: z.strictObject({
    categories: z.array(RiskCategorySchema).min(1).optional(),
    areas: z.array(AreaSchema).min(1).optional(),
    templates: z.array(templateId).min(1).optional(),
  }),
});
export type RiskTheme = z.infer<typeof RiskThemeSchema>;

export const ThemesFileSchema = z.strictObject({
  effort: z.strictObject({
    /** how the ranges were estimated (printed under the roadmap) */
    basis: z.string().min(1),
    levels: z.strictObject({ low: PersonDays, medium: PersonDays, high: PersonDays }),
    /** ranges for templates whose effort level understates (or overstates) the work */
    templates: z.record(templateId, PersonDays).optional(),
  }),
  themes: z.array(RiskThemeSchema).min(1),
  /** fixes that must come after others (`template` after each of `after`) */
  dependencies: z.array(z.strictObject({ template: templateId, after: z.array(templateId).min(1), reason: z.string().min(1) })).optional(),
});
export type ThemesFile = z.infer<typeof ThemesFileSchema>;

/** What the theme rules read of a template or a risk. */
export interface ThemeSubject {
  id: string;
  category: RiskCategory;
  area: Area;
}

const ruleMatches = (t: RiskTheme, s: ThemeSubject): boolean =>
  (t.match.categories !== undefined || t.match.areas !== undefined) &&
  (t.match.categories?.includes(s.category) ?? true) &&
  (t.match.areas?.includes(s.area) ?? true);

/** The themes a subject would land in: the one listing it, else every theme whose rules it satisfies. */
export function candidateThemes(themes: readonly RiskTheme[], s: ThemeSubject): RiskTheme[] {
  const listed = themes.filter((t) => t.match.templates?.includes(s.id));
  return listed.length > 0 ? listed : themes.filter((t) => ruleMatches(t, s));
}

/** The theme of a template or risk (the first candidate), or undefined when none matches. */
export const themeOf = (themes: readonly RiskTheme[], s: ThemeSubject): RiskTheme | undefined => candidateThemes(themes, s)[0];

const FILE = 'themes.yaml';

function checkThemeIds(file: ThemesFile, errors: ContentError[]): void {
  const seen = new Set<string>();
  file.themes.forEach((t, i) => {
    if (seen.has(t.id)) errors.push({ file: FILE, path: `themes[${i}].id`, message: `duplicate theme id '${t.id}'` });
    seen.add(t.id);
    if (!t.match.categories && !t.match.areas && !t.match.templates) errors.push({ file: FILE, path: `themes[${i}].match`, message: `theme '${t.id}' has no membership rule (categories, areas or templates)` });
  });
}

/** Every template id the file names exists in the pack. */
function checkTemplateRefs(file: ThemesFile, templates: ReadonlyMap<string, RiskTemplate>, errors: ContentError[]): void {
  const known = (id: string, path: string): void => {
    if (!templates.has(id)) errors.push({ file: FILE, path, message: `unknown risk template '${id}'` });
  };
  file.themes.forEach((t, i) => t.match.templates?.forEach((id, j) => known(id, `themes[${i}].match.templates[${j}]`)));
  for (const id of Object.keys(file.effort.templates ?? {})) known(id, `effort.templates.${id}`);
  file.dependencies?.forEach((d, i) => {
    known(d.template, `dependencies[${i}].template`);
    d.after.forEach((id, j) => known(id, `dependencies[${i}].after[${j}]`));
  });
}

/** Every template lands in exactly one theme; every theme holds at least one template. */
function checkAssignment(file: ThemesFile, templates: ReadonlyMap<string, RiskTemplate>, templatePos: ReadonlyMap<string, { file: string }>, errors: ContentError[]): void {
  const used = new Set<string>();
  for (const t of templates.values()) {
    const found = candidateThemes(file.themes, t);
    const where = templatePos.get(t.id)?.file ?? 'risk-templates';
    if (found.length === 0) errors.push({ file: FILE, path: 'themes', message: `risk template '${t.id}' (${where}) is in no theme: add it to a theme's match.templates or widen a rule` });
    if (found.length > 1) {
      const i = file.themes.indexOf(found[1]!);
      const listed = found.every((th) => th.match.templates?.includes(t.id));
      errors.push({
        file: FILE,
        path: listed ? `themes[${i}].match.templates` : `themes[${i}].match`,
        message: `risk template '${t.id}' lands in ${found.length} themes (${found.map((th) => `'${th.id}'`).join(', ')}): ${listed ? 'list it under one theme only' : "list it under one theme's match.templates, or narrow the rules"}`,
      });
    }
    if (found[0]) used.add(found[0].id);
  }
  file.themes.forEach((t, i) => {
    if (!used.has(t.id)) errors.push({ file: FILE, path: `themes[${i}]`, message: `theme '${t.id}' holds no risk template` });
  });
}

/** Dependencies form no cycle (a fix that must come after itself could never be scheduled). */
function checkNoCycle(file: ThemesFile, errors: ContentError[]): void {
  const after = new Map<string, string[]>();
  for (const d of file.dependencies ?? []) after.set(d.template, [...(after.get(d.template) ?? []), ...d.after]);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...trail, id];
    state.set(id, 'open');
    for (const next of after.get(id) ?? []) {
      const cycle = visit(next, [...trail, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return undefined;
  };
  (file.dependencies ?? []).forEach((d, i) => {
    const cycle = visit(d.template, []);
    if (cycle) errors.push({ file: FILE, path: `dependencies[${i}]`, message: `dependency cycle: ${cycle.join(' after ')}` });
  });
}

/** Cross-checks `themes.yaml` against the pack's risk templates. */
export function themesErrors(file: ThemesFile, templates: ReadonlyMap<string, RiskTemplate>, templatePos: ReadonlyMap<string, { file: string }>): ContentError[] {
  const errors: ContentError[] = [];
  checkThemeIds(file, errors);
  checkTemplateRefs(file, templates, errors);
  checkAssignment(file, templates, templatePos, errors);
  checkNoCycle(file, errors);
  return errors;
}
