import {
  checkPlaybooks,
  checkQuestions,
  checkRequiredFiles,
  checkRiskMatrix,
  checkTemplateLinks,
  type GraphEvaluatorInfo,
  indexChecks,
  indexFixtures,
  indexFrameworks,
  indexInterview,
  indexMatrices,
  indexServiceModels,
  indexTemplates,
} from './cross-reference';
import { loadCommitments } from '../commitments/load';
import { providerOwnerProblems } from '../risks/provider-owner';
import { loadNotificationClocks } from './notification-clocks';
import { GRAPH_CHECKS } from '../graph/checks/catalogue';
import { parsePackFiles } from './parse-files';
import { ratingFactorsErrors } from './rating-factors';
import { checkRegisterRules } from './register-rules';
import { indexTemplateMigrations } from './template-migrations';
import { themesErrors } from './themes-check';
import type { ContentError, ContentPack, PackFile } from './types';

export { formatPath } from './parse-files';

/** The ids of the Graph checks' evaluators (core/graph/checks/): every graph check of a pack must name one. */
const GRAPH_EVALUATORS: ReadonlyMap<string, GraphEvaluatorInfo> = new Map(GRAPH_CHECKS.map((c) => [c.id, { title: c.title, severity: c.severity, area: c.area }]));

const invalidHeader: ContentPack['header'] = { id: 'invalid', version: '0.0.0', publicationDate: '1970-01-01', title: '', locale: 'en', schemaVersion: 1, defaultMatrix: '' };
const invalidRiskMatrix: ContentPack['riskMatrix'] = { id: 'invalid', version: '0', title: '', source: '', likelihood: [], impact: [], levels: [], grid: [] };

/**
 * Loads and validates a content pack from in-memory files. Never throws on bad content:
 * every problem is returned in `errors` with its file and path, and `pack` holds whatever
 * was valid (use it only when `errors` is empty).
 *
 * Steps: parse every file by kind; index and check each kind; cross-reference questions,
 * checks, templates and playbooks; then the register rules (one risk per weakness); then
 * the report themes (`themes.ts`); then the provider commitments (`core/commitments/load.ts`).
 */
export function loadPack(files: readonly PackFile[]): { pack: ContentPack; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const parsed = parsePackFiles(files, errors);
  checkRequiredFiles(parsed, errors);
  const matrices = indexMatrices(parsed.matrices, parsed.header, errors);
  checkRiskMatrix(parsed.riskMatrix, errors);
  const serviceModels = indexServiceModels(parsed.serviceModelEntries, errors);
  const { frameworks, checkMappings } = indexFrameworks(parsed.frameworks, errors);
  const interview = indexInterview(parsed.interviewFiles, errors);
  const { riskTemplates, templatePos } = indexTemplates(parsed.templates, errors);
  const { checkMap } = indexChecks(parsed.checks, { riskTemplates, serviceModels, checkMappings, graphEvaluators: GRAPH_EVALUATORS }, errors);
  checkQuestions(interview, { riskTemplates, checkMap, checkMappings }, errors);
  const playbookIds = checkPlaybooks(parsed.playbooks, { riskTemplates, checkMap, questions: interview.questions, checkMappings }, errors);
  checkTemplateLinks(parsed.templates, playbookIds, checkMappings, errors);
  const fixtures = indexFixtures(parsed.fixtureFiles, checkMap, errors);
  const templateMigrations = indexTemplateMigrations(parsed.migrations, { riskTemplates, header: parsed.header }, errors);
  checkRegisterRules({ interview, riskTemplates, templatePos, checkMap }, errors);
  if (parsed.ratingFactors) errors.push(...ratingFactorsErrors(parsed.ratingFactors, interview.questions, checkMap));
  if (parsed.themes) errors.push(...themesErrors(parsed.themes, riskTemplates, templatePos));

  const pack: ContentPack = {
    header: parsed.header ?? invalidHeader,
    matrices,
    riskMatrix: parsed.riskMatrix ?? invalidRiskMatrix,
    serviceModels,
    frameworks,
    domains: interview.domains,
    questions: interview.questions,
    questionDomain: interview.questionDomain,
    riskTemplates,
    templateMigrations,
    checks: [...checkMap.values()],
    fixtures,
    playbooks: parsed.playbooks.map((p) => p.value),
  };
  if (parsed.ratingFactors) pack.ratingFactors = parsed.ratingFactors;
  if (parsed.themes) pack.themes = parsed.themes;
  const commitments = loadCommitments(files);
  errors.push(...commitments.errors);
  if (commitments.commitments) pack.commitments = commitments.commitments;
  errors.push(...providerOwnerProblems(pack));
  const clocks = loadNotificationClocks(files, interview.questions);
  errors.push(...clocks.errors);
  if (clocks.clocks) pack.notificationClocks = clocks.clocks;
  return { pack, errors };
}

/** Loads a pack and throws one error listing every problem; for hosts that need a valid pack. */
export function loadPackOrThrow(files: readonly PackFile[]): ContentPack {
  const { pack, errors } = loadPack(files);
  if (errors.length > 0) {
    const lines = errors.slice(0, 50).map((e) => `${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`);
    throw new Error(`content pack has ${errors.length} error(s):\n${lines.join('\n')}${errors.length > 50 ? '\n…' : ''}`);
  }
  return pack;
}
