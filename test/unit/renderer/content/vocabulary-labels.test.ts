import { describe, expect, it } from 'vitest';
import { SeveritySchema } from '../../../../core/content/vocabulary';
import { criticalityLabel, severityLabel } from '../../../../renderer/content/vocabulary-labels';

describe('severity and criticality labels', () => {
  it('writes every check severity as a word, as the report does', () => {
    expect(SeveritySchema.options.map(severityLabel)).toEqual(['Low', 'Medium', 'High', 'Critical']);
    expect(criticalityLabel('critical')).toBe('Critical');
  });

  it('shows a value outside the vocabulary as stored', () => {
    expect(severityLabel('informational')).toBe('informational');
  });
});
