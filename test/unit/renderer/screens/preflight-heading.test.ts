import { describe, expect, it } from 'vitest';
import type { PreflightKind } from '../../../../core/report/preflight';
import { preflightHeading } from '../../../../renderer/screens/report/preflight-heading';

describe('preflightHeading', () => {
  it('names the item by what it is about, not by its key', () => {
    expect(preflightHeading({ id: 'contradiction:support-plan', kind: 'contradiction' })).toBe('Contradiction: Microsoft support plan');
    expect(preflightHeading({ id: 'dont-know:R-005', kind: 'dont-know' })).toBe('Rests on “Don’t know”: R-005');
    expect(preflightHeading({ id: 'owner:R-044', kind: 'owner' })).toBe('No action owner: R-044');
    expect(preflightHeading({ id: 'document-control:qa-reviewer', kind: 'document-control' })).toBe('Document control: QA reviewer');
    expect(preflightHeading({ id: 'version:status', kind: 'version' })).toBe('Version and status');
    expect(preflightHeading({ id: 'placeholder:{{client}}', kind: 'placeholder' })).toBe('Placeholder: {{client}}');
    expect(preflightHeading({ id: 'not-assessed:GR-09', kind: 'not-assessed' })).toBe('Graph check not assessed: GR-09');
  });

  it('has a heading for every kind, none of them a key', () => {
    const kinds: PreflightKind[] = ['contradiction', 'dont-know', 'owner', 'ir-role', 'placeholder', 'document-control', 'version', 'not-assessed'];
    for (const kind of kinds) expect(preflightHeading({ id: `${kind}:x`, kind })).not.toMatch(/^[a-z-]+:/);
  });
});
