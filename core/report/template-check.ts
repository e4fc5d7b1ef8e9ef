import { referenceStyles } from './build';
import { REQUIRED_STYLE_IDS } from './render/primitives';
import { loadTemplate, type TemplateFile, type TemplateProblem } from './template';
import { ZipLimitError } from './zip-limits';

/**
 * Every problem of a template folder: manifest schema, unknown placeholders, missing or
 * unknown blocks, bad images, and styles a reference document lacks — each with file and line.
 */
export async function checkTemplate(files: readonly TemplateFile[]): Promise<TemplateProblem[]> {
  // The reference document named by the parsed manifest (any YAML spelling of the key and
  // value); when template.yaml is invalid its problems are reported and styles wait.
  const { manifest, problems } = loadTemplate(files);
  const ref = manifest?.referenceDocx;
  const file = ref !== undefined ? files.find((f) => f.path === ref) : undefined;
  if (ref && file?.bytes) {
    try {
      const xml = await referenceStyles(file.bytes);
      const defined = new Set(Array.from(xml.matchAll(/w:styleId="([^"]+)"/g), (m) => m[1]));
      for (const id of REQUIRED_STYLE_IDS) if (!defined.has(id)) problems.push({ file: ref, message: `missing style '${id}' (the report uses it)` });
    } catch (e) {
      problems.push({ file: ref, message: e instanceof ZipLimitError ? e.message : `not a Word document: ${(e as Error).message}` });
    }
  }
  return problems;
}
