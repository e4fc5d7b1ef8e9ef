import type { ContentError, ContentPack } from '../content/types';
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

/**
 * Runs every check over its own fixtures. A pass fixture must produce at least one pass
 * and no fail; a fail fixture at least one fail and no pass. Returns the outcomes and a
 * content error for each fixture that misbehaves.
 */
export function verifyFixtures(pack: ContentPack): { outcomes: FixtureOutcome[]; errors: ContentError[] } {
  const matrix = pack.matrices.get(pack.header.defaultMatrix);
  const errors: ContentError[] = [];
  const outcomes: FixtureOutcome[] = [];
  if (!matrix) return { outcomes, errors: [{ file: 'pack.yaml', path: 'defaultMatrix', message: 'no default matrix to verify fixtures with' }] };
  const lookup = serviceModelLookup(pack.serviceModels);
  const compiled = compileChecks(pack.checks);
  compiled.forEach((cc) => {
    const fx = pack.fixtures.get(cc.check.id);
    if (!fx?.pass || !fx.fail) return;
    const run = (rows: Record<string, unknown>[], which: 'pass' | 'fail'): Finding[] => {
      try {
        return runChecks(normaliseRows(rows, lookup), [cc], { matrix });
      } catch (e) {
        errors.push({ file: `checks/fixtures/${cc.check.id}.${which}.json`, path: '', message: (e as Error).message });
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
        file: `checks/fixtures/${cc.check.id}.pass.json`,
        path: '',
        message: `expected only passing findings for ${cc.check.id}, got ${count(passFindings, 'pass')} pass, ${count(passFindings, 'fail')} fail, ${count(passFindings, 'not-applicable')} not applicable`,
      });
    if (!failOk)
      errors.push({
        file: `checks/fixtures/${cc.check.id}.fail.json`,
        path: '',
        message: `expected only failing findings for ${cc.check.id}, got ${count(failFindings, 'fail')} fail, ${count(failFindings, 'pass')} pass, ${count(failFindings, 'not-applicable')} not applicable`,
      });
    outcomes.push({ checkId: cc.check.id, passOk, failOk, passFindings, failFindings });
  });
  return { outcomes, errors };
}
