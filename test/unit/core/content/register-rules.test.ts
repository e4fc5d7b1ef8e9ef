import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../core/content/loader';
import type { PackFile } from '../../../../core/content/types';
import { testPackFiles } from '../pack-helper';

/** The test pack with one file edited (the edit must change something). */
function edited(path: string, edit: (text: string) => string, extra: PackFile[] = []): PackFile[] {
  const files = testPackFiles().map((f) => {
    if (f.path !== path) return f;
    const text = edit(f.text);
    if (text === f.text) throw new Error(`edit of ${path} changed nothing`);
    return { path, text };
  });
  return [...files, ...extra];
}

const unraisedTemplate = `
  - id: RT-TEST-ORPHAN
    title: Nothing raises this
    category: governance
    threat: Nobody will ever see it.
    area: governance
    likelihood: 2
    impact: 2
    recommendation: { summary: Delete it. }
    effort: low
    userImpact: low
`;

describe('register rules (one risk per weakness)', () => {
  it('the test pack obeys them (the bundled pack: loader.test.ts)', () => {
    expect(loadPack(testPackFiles()).errors).toEqual([]);
  });

  it('a question that claims a check raises the same template as the check', () => {
    // DAT-01 raises RT-DATA-IN-TRANSIT; ST-03 raises RT-ST-ANONYMOUS-ACCESS
    const files = edited('interview/01-test.yaml', (t) => t.replace('claims: [ST-01]', 'claims: [ST-01, ST-03]'));
    expect(loadPack(files).errors).toEqual([
      {
        file: 'interview/01-test.yaml',
        path: 'questions[0].claims[1]',
        message: expect.stringMatching(/^question 'DAT-01' claims check 'ST-03', which raises 'RT-ST-ANONYMOUS-ACCESS', but the question raises 'RT-DATA-IN-TRANSIT'/),
      },
    ]);
  });

  it('no template that nothing can raise, unless the scope raises it', () => {
    let files = edited('risk-templates/interview-test.yaml', (t) => `${t}${unraisedTemplate}`);
    expect(loadPack(files).errors).toEqual([
      { file: 'risk-templates/interview-test.yaml', path: 'templates[2].id', message: expect.stringContaining("risk template 'RT-TEST-ORPHAN' can never be raised") },
    ]);
    files = edited('risk-templates/interview-test.yaml', (t) => `${t}${unraisedTemplate}    raisedWhen: { inScope: [saas] }\n`);
    expect(loadPack(files).errors).toEqual([]);
  });

  it('no two templates with the same area, category and claim set', () => {
    // RT-TEST-TRANSIT copies RT-DATA-IN-TRANSIT's area and category and is raised by a question
    // claiming exactly that template's checks: the same weakness under a second id.
    const transitChecks = 'AP-01, AP-02, NW-08, SQ-02, ST-01, ST-02';
    const duplicate = unraisedTemplate
      .replace('RT-TEST-ORPHAN', 'RT-TEST-TRANSIT')
      .replace('category: governance', 'category: data-protection')
      .replace('area: governance', 'area: configurations-settings');
    const question = `  - id: DAT-05
    text: Is TLS enforced?
    type: single
    area: configurations-settings
    choices:
      - { id: "yes", label: "Yes", score: 100, result: compliant }
      - { id: "no", label: "No", score: 0, result: non-compliant }
    risk: RT-TEST-TRANSIT
    claims: [${transitChecks}]
`;
    let files = edited('risk-templates/interview-test.yaml', (t) => `${t}${duplicate}`);
    files = files.map((f) => (f.path === 'interview/01-test.yaml' ? { ...f, text: `${f.text}${question}` } : f));
    const errors = loadPack(files).errors;
    expect(errors).toContainEqual({
      file: 'risk-templates/interview-test.yaml',
      path: 'templates[2].id',
      message: expect.stringContaining(`risk templates 'RT-DATA-IN-TRANSIT' and 'RT-TEST-TRANSIT' have the same area (configurations-settings), category (data-protection) and claim set (${transitChecks})`),
    });
    // the claims also disagree with the checks' template: both rules speak
    expect(errors.filter((e) => e.path.startsWith('questions[4].claims')).length).toBe(6);
  });

  it('checks the template migrations: live targets, retired ids not reused, versions not in the future', () => {
    const migrations = (from: string, to: string, retiredIn = '1.0.0'): PackFile => ({
      path: 'template-migrations.yaml',
      text: `migrations:\n  - { from: ${from}, to: ${to}, retiredIn: ${retiredIn}, reason: test }\n`,
    });
    expect(loadPack([...testPackFiles(), migrations('RT-OLD', 'RT-VM-NO-BACKUP')]).errors).toEqual([]);
    expect(loadPack([...testPackFiles(), migrations('RT-OLD', 'RT-GONE')]).errors).toEqual([
      { file: 'template-migrations.yaml', path: 'migrations[0].to', message: expect.stringContaining("'RT-GONE' is not a risk template") },
    ]);
    expect(loadPack([...testPackFiles(), migrations('RT-VM-ENCRYPTION', 'RT-VM-NO-BACKUP')]).errors).toEqual([
      { file: 'template-migrations.yaml', path: 'migrations[0].from', message: expect.stringContaining('a retired id is never reused') },
    ]);
    expect(loadPack([...testPackFiles(), migrations('RT-OLD', 'RT-VM-NO-BACKUP', '9.0.0')]).errors).toEqual([
      { file: 'template-migrations.yaml', path: 'migrations[0].retiredIn', message: expect.stringContaining('later than the pack version') },
    ]);
  });
});
