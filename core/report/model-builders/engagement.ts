import { longDate } from '../labels';
import type { ReportModel } from '../types';
import type { ModelContext } from './context';

/** The engagement dates as recorded, e.g. '23 November 2026 – 24 November 2026' ('' when none). */
export function engagementDates(ctx: ModelContext): string {
  const { startDate, endDate } = ctx.bundle.assessment.engagement ?? {};
  if (startDate && endDate) return startDate === endDate ? longDate(startDate) : `${longDate(startDate)} – ${longDate(endDate)}`;
  if (startDate) return `From ${longDate(startDate)}`;
  if (endDate) return `Until ${longDate(endDate)}`;
  return '';
}

/** Workshop attendees as recorded, blanks named as such. */
export function workshopAttendees(ctx: ModelContext): ReportModel['scope']['attendees'] {
  return (ctx.bundle.assessment.engagement?.attendees ?? [])
    .map((x) => ({ name: ctx.clean(x.name), role: ctx.clean(x.role) }))
    .filter((x) => x.name || x.role)
    .map((x) => ({ name: x.name || 'Not named', role: x.role || 'Not stated' }));
}
