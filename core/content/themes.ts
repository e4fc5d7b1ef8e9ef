import { z } from 'zod';
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
