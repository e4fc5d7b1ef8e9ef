import { isGraphCheck } from '../content/schemas';
import type { ContentError, ContentPack } from '../content/types';
import type { Matrix } from '../content/schemas';
import { graphFixtureSnapshot } from '../graph/checks/fixture-snapshot';
import { GRAPH_CHECKS } from '../graph/checks/catalogue';
import { runGraphChecks } from '../graph/checks/run-graph-checks';
import { normaliseRows, serviceModelLookup } from '../inventory/normalise';
import { compileChecks, runChecks, type Finding } from './run-checks';

/** How one check behaved on its pass and fail fixtures. */
export interface FixtureOutcome {
  checkId: string;
  /** every subject passed (not-applicable allowed) and at least one passed */
  passOk: boolean;
  /** every applicable subject failed and at least one failed */
  failOk: boolean;
  passFindings: Finding[];
  failFindings: Finding[];
}

type Rows = Record<string, unknown>[];
/** Runs one check over one fixture's rows. */
type FixtureRunner = (rows: Rows) => Finding[];

/**
 * Runs every check over its own fixtures. A pass fixture must produce at least one pass
 * and no fail; a fail fixture at least one fail and no pass. Returns the outcomes and a
 * content error for each fixture that misbehaves. Resource Graph checks run over rows of
 * Resource Graph; Microsoft Graph checks over the snapshot their fixture describes
 * (core/graph/checks/fixture-snapshot.ts), with the evaluator of the same id.
 */
export function verifyFixtures(pack: ContentPack): { outcomes: FixtureOutcome[]; errors: ContentError[] } {
  const matrix = pack.matrices.get(pack.header.defaultMatrix);
  const errors: ContentError[] = [];
  const outcomes: FixtureOutcome[] = [];
  if (!matrix) return { outcomes, errors: [{ file: 'pack.yaml', path: 'defaultMatrix', message: 'no default matrix to verify fixtures with' }] };
  const lookup = serviceModelLookup(pack.serviceModels);
  const runners: [string, FixtureRunner][] = [
    ...compileChecks(pack.checks).map((cc): [string, FixtureRunner] => [cc.check.id, (rows) => runChecks(normaliseRows(rows, lookup), [cc], { matrix })]),
    ...pack.checks.filter(isGraphCheck).flatMap((c): [string, FixtureRunner][] => {
      const evaluator = GRAPH_CHECKS.find((g) => g.id === c.id);
      return evaluator ? [[c.id, graphRunner(evaluator, matrix)]] : []; // a missing evaluator is a loader error already
    }),
  ];
  for (const [checkId, runner] of runners) {
    const outcome = verifyOne(pack, checkId, runner, errors);
    if (outcome) outcomes.push(outcome);
  }
  return { outcomes, errors };
}

function graphRunner(evaluator: (typeof GRAPH_CHECKS)[number], matrix: Matrix): FixtureRunner {
  return (rows) => {
    const { snapshot, settings } = graphFixtureSnapshot(rows);
    const run = runGraphChecks(snapshot, { matrix, settings, checks: [evaluator] });
    if (run.notAssessed.length > 0) throw new Error(`not assessed: ${run.notAssessed.map((n) => n.reason).join('; ')}`);
    return run.findings;
  };
}

function verifyOne(pack: ContentPack, checkId: string, runner: FixtureRunner, errors: ContentError[]): FixtureOutcome | undefined {
  const fx = pack.fixtures.get(checkId);
  if (!fx?.pass || !fx.fail) return undefined;
  const run = (rows: Rows, which: 'pass' | 'fail'): Finding[] => {
    try {
      return runner(rows);
    } catch (e) {
      errors.push({ file: `checks/fixtures/${checkId}.${which}.json`, path: '', message: fixtureError(e) });
      return [];
    }
  };
  const passFindings = run(fx.pass, 'pass');
  const failFindings = run(fx.fail, 'fail');
  const count = (fs: Finding[], s: Finding['status']): number => fs.filter((f) => f.status === s).length;
  const passOk = count(passFindings, 'pass') > 0 && count(passFindings, 'fail') === 0;
  const failOk = count(failFindings, 'fail') > 0 && count(failFindings, 'pass') === 0;
  if (!passOk)
    errors.push({
      file: `checks/fixtures/${checkId}.pass.json`,
      path: '',
      message: `expected only passing findings for ${checkId}, got ${count(passFindings, 'pass')} pass, ${count(passFindings, 'fail')} fail, ${count(passFindings, 'not-applicable')} not applicable`,
    });
  if (!failOk)
    errors.push({
      file: `checks/fixtures/${checkId}.fail.json`,
      path: '',
      message: `expected only failing findings for ${checkId}, got ${count(failFindings, 'fail')} fail, ${count(failFindings, 'pass')} pass, ${count(failFindings, 'not-applicable')} not applicable`,
    });
  return { checkId, passOk, failOk, passFindings, failFindings };
}

/** A zod error names the path of the first issue; anything else its message. */
function fixtureError(e: unknown): string {
  const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (Array.isArray(issues) && issues[0]) return `${issues[0].path.map(String).join('.') || '(root)'}: ${issues[0].message}`;
  return (e as Error).message;
}
