import type { TFunction } from 'i18next';
import type { Deadline } from '../../../shared/deadlines/deadline-views';
import { serviceById } from '../../../shared/domain/services-catalogue';
import { formatMonth } from '../../../shared/format';

export function serviceName(deadline: Pick<Deadline, 'service'>, language: string): string {
  const name = serviceById(deadline.service).name;
  return language === 'en' ? name.en : name.nb;
}

/** "for april 2026", "for inntektsåret 2026". */
export function periodText(deadline: Deadline, t: TFunction, language: string): string {
  return deadline.period.kind === 'month'
    ? t('deadlines.period.month', { month: formatMonth(deadline.period.kalendermaaned, language) })
    : t('deadlines.period.year', { year: String(deadline.period.inntektsaar) });
}

/** "om 5 dager", "i dag", "3 dager over fristen". */
export function whenText(deadline: Deadline, t: TFunction): string {
  if (deadline.daysLeft === 0) return t('deadlines.dueToday');
  return deadline.daysLeft > 0
    ? t('deadlines.daysLeft', { count: deadline.daysLeft })
    : t('deadlines.overdueBy', { count: -deadline.daysLeft });
}

export const STATUS_COLOR: Record<Deadline['status'], 'success' | 'danger' | 'warning' | 'neutral'> = {
  met: 'success',
  overdue: 'danger',
  soon: 'warning',
  upcoming: 'neutral',
};
