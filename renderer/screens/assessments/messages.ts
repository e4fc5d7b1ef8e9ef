// the one place that turns a thrown value into words (the save indicator uses it too)
export { messageOf } from '../../error-message';

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
