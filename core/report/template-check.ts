import { referenceStyles } from './build';
import { REQUIRED_STYLE_IDS } from './render/primitives';
import { loadTemplate, type TemplateFile, type TemplateProblem } from './template';

/**
 * Every problem of a template folder: manifest schema, unknown placeholders, missing or
 * unknown blocks, bad images, and styles a reference document lacks — each with file and line.
 */
export async function checkTemplate(files: readonly TemplateFile[]): Promise<TemplateProblem[]> {
  const { problems } = loadTemplate(files);
  const manifest = files.find((f) => f.path === 'template.yaml')?.text ?? '';
  const ref = /^referenceDocx:\s*["']?([^"'\n#]+?)["']?\s*(#.*)?$/m.exec(manifest)?.[1]?.trim();
  const file = ref ? files.find((f) => f.path === ref) : undefined;
  if (ref && file?.bytes) {
    try {
      const xml = await referenceStyles(file.bytes);
      const defined = new Set(Array.from(xml.matchAll(/w:styleId="([^"]+)"/g), (m) => m[1]));
      for (const id of REQUIRED_STYLE_IDS) if (!defined.has(id)) problems.push({ file: ref, message: `missing style '${id}' (the report uses it)` });
    } catch (e) {
      problems.push({ file: ref, message: `not a Word document: ${(e as Error).message}` });
    }
  }
  return problems;
}
