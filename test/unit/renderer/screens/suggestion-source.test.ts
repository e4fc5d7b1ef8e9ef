import { describe, expect, it } from 'vitest';
import { suggestionSource } from '../../../../renderer/screens/commitments/suggestion-source';

describe('a suggested business service names its source once', () => {
  it('a resource-group suggestion does not repeat the group it is named after', () => {
    expect(suggestionSource('rg-web', 'resource group rg-web')).toBe('resource group');
  });
  it('a tag suggestion keeps the tag, and a renamed one its group', () => {
    expect(suggestionSource('LIMS', 'tag workload=LIMS')).toBe('tag workload=LIMS');
    expect(suggestionSource('Web portal', 'resource group rg-web')).toBe('resource group rg-web');
  });
});
