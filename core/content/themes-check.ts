import type { RiskTemplate } from './schemas';
import { candidateThemes, type ThemesFile } from './themes';
import type { ContentError } from './types';

/** Loading step for `themes.yaml`: its cross-references to the pack's risk templates. */

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
