/**
 * "1 resource", "3 resources", "2 VMs": a count with its noun in the right number, so that no
 * sentence Demarc writes (a stored risk message or the deliverable) reads "resource(s)".
 * `plural` for nouns not made with a final s.
 */
export const counted = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;
