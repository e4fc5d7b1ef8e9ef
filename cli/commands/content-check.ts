import type { CliCommand } from '../io';
import { parseOptions } from '../io';
import { loadAndVerify, packDirFrom } from '../pack';

/** `demarc content check`: validates every file of a content pack and runs each check's fixtures. */
export const contentCheckCommand: CliCommand = {
  name: 'content check',
  summary: 'validate the content pack (schemas, cross-references, check fixtures)',
  usage: [
    'Usage: demarc content check [--json] [--pack DIR]',
    '',
    'Validates every file of the content pack and runs each check over its pass and fail',
    'fixtures, and enforces the register rules (one risk template per weakness; see',
    'docs/register-rules.md). Exits 1 when anything is wrong.',
    '',
    '  --json       print {questions, domains, checks, checksWithPassAndFailFixtures, riskTemplates,',
    '               retiredTemplates, playbooks, frameworks, errors}',
    '  --pack DIR   pack folder (default: assessments/azure-m365)',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, { json: { type: 'boolean' }, pack: { type: 'string' } });
    const { pack, errors, checksWithPassAndFailFixtures } = loadAndVerify(packDirFrom(values.pack, io));
    const summary = {
      pack: { id: pack.header.id, version: pack.header.version },
      questions: pack.questions.size,
      domains: pack.domains.length,
      checks: pack.checks.length,
      checksWithPassAndFailFixtures,
      riskTemplates: pack.riskTemplates.size,
      retiredTemplates: pack.templateMigrations.size,
      playbooks: pack.playbooks.length,
      serviceModelTypes: pack.serviceModels.size,
      matrices: [...pack.matrices.keys()],
      frameworks: {
        mcsb: pack.frameworks.mcsb?.controls.length ?? 0,
        cis: pack.frameworks.cis?.controls.length ?? 0,
        nistCsf: pack.frameworks.nistCsf?.controls.length ?? 0,
      },
      errors,
    };
    if (values.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      const lines = [
        `Content pack ${summary.pack.id} ${summary.pack.version}`,
        `  domains ${summary.domains}, questions ${summary.questions}, risk templates ${summary.riskTemplates} (${summary.retiredTemplates} retired ids migrated), playbooks ${summary.playbooks}`,
        `  checks ${summary.checks} (${checksWithPassAndFailFixtures} with passing and failing fixtures that behave)`,
        `  service-model types ${summary.serviceModelTypes}; matrices ${summary.matrices.join(', ')}`,
        `  framework controls: MCSB ${summary.frameworks.mcsb}, CIS ${summary.frameworks.cis}, NIST CSF ${summary.frameworks.nistCsf}`,
        errors.length === 0 ? 'No errors.' : `${errors.length} error(s):`,
        ...errors.map((e) => `  ${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`),
      ];
      io.stdout(`${lines.join('\n')}\n`);
    }
    return errors.length === 0 ? 0 : 1;
  },
};
