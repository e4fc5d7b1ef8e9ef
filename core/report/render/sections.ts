/**
 * The report's section renderers, one module per group of sections. Each takes the render
 * context and returns its blocks, so a template (or a reworked report shape) can compose them.
 */
export type { Block, Ctx } from './context';
export { levelStyle } from './context';
export { cover, disclaimer, documentControl } from './front-matter';
export { executiveSummary } from './executive-summary';
export { environment, methodology, scopeApproach } from './scope-methodology';
export { sharedResponsibility } from './shared-responsibility';
export { REGISTER_BOOKMARK, registerSummary, riskDetails } from './risks';
export { roadmap } from './roadmap-plan';
export { themesChapter } from './themes';
export { appendixEvidence, appendixGlossary, appendixRegister, appendixScales, appendixSignOff } from './appendices';
export { appendixInterviewLog } from './interview-log';
