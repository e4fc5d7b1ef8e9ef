import { expect, test } from './fixtures';
import { createAssessment, currentQuestion, focusQuestion, goTo, readStore, waitSaved } from './pages/workshop';

test.describe('Interview', () => {
  test('answers by keyboard only, with notes, survive a reload', async ({ app }) => {
    await createAssessment(app, 'Keyboard workshop');
    await goTo(app, 'interview');
    await focusQuestion(app);
    expect(await currentQuestion(app)).toBe('SCOPE-MODELS');
    // Scope: IaaS + PaaS, no Microsoft 365
    await app.keyboard.press('1');
    await app.keyboard.press('2');
    await app.keyboard.press('Enter');
    expect(await currentQuestion(app)).toBe('SCOPE-M365');
    await app.keyboard.press('2');
    await app.keyboard.press('Enter');

    const answered: string[] = ['SCOPE-MODELS', 'SCOPE-M365'];
    for (let i = 0; i < 10; i++) {
      const id = await currentQuestion(app);
      await app.keyboard.press(i % 2 === 0 ? '1' : '2');
      answered.push(id);
      await app.keyboard.press('Enter');
      await expect(app.getByTestId('question-card')).not.toHaveAttribute('data-question-id', id);
    }
    // a note, typed in the field, then back to keys
    await app.keyboard.press('b');
    await app.getByTestId('answer-note').fill('Client confirmed by the CISO.');
    await app.keyboard.press('Control+Enter');
    await waitSaved(app);
    await expect(app.getByTestId('interview-progress')).toContainText(`${answered.length} of`);

    await app.reload();
    await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await goTo(app, 'interview');
    await expect(app.getByTestId('interview-progress')).toContainText(`${answered.length} of`);
    const stored = await readStore(app, 'answers');
    expect(stored.filter((a) => (a.choices as string[]).length > 0).map((a) => a.questionId).sort()).toEqual([...answered].sort());
    expect(stored.some((a) => a.note === 'Client confirmed by the CISO.')).toBe(true);
    expect(stored.find((a) => a.questionId === 'SCOPE-MODELS')?.choices).toEqual(['iaas', 'paas']);
    // each answer also stored the assessment's cached progress, which the home screen lists
    const [assessment] = await readStore(app, 'assessments');
    expect(assessment).toMatchObject({ status: 'in-progress', progress: { answered: answered.length } });
  });

  test('the buttons and fields work by mouse, and act on the question shown after each answer', async ({ app }) => {
    await createAssessment(app, 'Mouse workshop');
    await goTo(app, 'interview');
    await app.getByTestId('choice-iaas').click();
    await app.getByTestId('question-next').click();
    expect(await currentQuestion(app)).toBe('SCOPE-M365');
    await app.getByTestId('question-na').click();
    await expect(app.getByTestId('question-na')).toHaveAttribute('aria-pressed', 'true');
    await expect(app.getByTestId('marked-na')).toBeVisible();
    await app.getByTestId('question-back').click();
    expect(await currentQuestion(app)).toBe('SCOPE-MODELS');
    await expect(app.getByTestId('choice-iaas')).toBeChecked();
    await app.getByTestId('choice-paas').click();
    await app.getByTestId('answer-evidence').fill('Architecture diagram v3');
    await app.getByTestId('answered-by').fill('Dana (CISO)');
    await app.getByTestId('question-next-unanswered').click();
    expect(await currentQuestion(app)).toBe('SCOPE-OTHER-CLOUDS');
    await expect(app.getByTestId('interview-progress')).toContainText('2 of');
    await waitSaved(app);

    const stored = await readStore(app, 'answers');
    expect(stored.find((a) => a.questionId === 'SCOPE-MODELS')).toMatchObject({ choices: ['iaas', 'paas'], evidence: 'Architecture diagram v3', answeredBy: 'Dana (CISO)' });
    expect(stored.find((a) => a.questionId === 'SCOPE-M365')).toMatchObject({ choices: [], notApplicable: true });
    const [assessment] = await readStore(app, 'assessments');
    expect(assessment).toMatchObject({ status: 'in-progress', progress: { answered: 2 } });
  });

  test('hidden questions follow the scope', async ({ app }) => {
    await createAssessment(app, 'Scope workshop');
    await goTo(app, 'interview');
    await focusQuestion(app);
    await app.keyboard.press('3'); // SaaS only
    await app.keyboard.press('Enter');
    await app.keyboard.press('1'); // Microsoft 365: yes
    await app.keyboard.press('Enter');
    const domains = app.getByTestId('domain-list');
    await expect(domains.getByTestId('domain-m365')).toBeVisible();
    await expect(domains.getByTestId('domain-network')).toHaveCount(0);
    await expect(domains.getByTestId('domain-workload')).toHaveCount(0);

    await app.keyboard.press('b');
    await app.keyboard.press('2'); // Microsoft 365: no
    await expect(domains.getByTestId('domain-m365')).toHaveCount(0);
    await app.keyboard.press('b');
    await app.keyboard.press('1'); // add IaaS
    await expect(domains.getByTestId('domain-workload')).toBeVisible();
    await expect(domains.getByTestId('domain-network')).toBeVisible();
    await expect(domains.getByTestId('domain-paas-apps')).toHaveCount(0);
  });

  test('skip, not applicable and jump to the next unanswered', async ({ app }) => {
    await createAssessment(app, 'Shortcut workshop');
    await goTo(app, 'interview');
    await focusQuestion(app);
    await app.keyboard.press('s');
    expect(await currentQuestion(app)).toBe('SCOPE-M365');
    await app.keyboard.press('n');
    await expect(app.getByTestId('marked-na')).toBeVisible();
    await app.keyboard.press('u');
    expect(await currentQuestion(app)).toBe('SCOPE-OTHER-CLOUDS');
    await app.keyboard.press('Backspace');
    await app.keyboard.press('Backspace');
    expect(await currentQuestion(app)).toBe('SCOPE-MODELS');
    await app.keyboard.press('u');
    expect(await currentQuestion(app)).toBe('SCOPE-OTHER-CLOUDS');
    await app.keyboard.press('?');
    await expect(app.getByTestId('shortcut-list')).toContainText('next unanswered');
  });
});
