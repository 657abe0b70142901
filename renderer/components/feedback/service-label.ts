import { SERVICES } from '../../../shared/domain/services-catalogue';
import type { FeedbackListItem } from '../../../shared/feedback/feedback-overview';
import { formatMonth } from '../../../shared/format';

/** The service's name in the user's language, or its Altinn resource when Innsender has no name for it. */
export function serviceLabel(item: Pick<FeedbackListItem, 'serviceId' | 'serviceResource'>, language: string): string {
  const service = SERVICES.find((s) => s.id === item.serviceId);
  if (!service) return item.serviceResource.replace(/^urn:altinn:resource:/, '');
  return language === 'en' ? service.name.en : service.name.nb;
}

/**
 * What a dialog is about, as a headline: its Dialogporten title with a reporting month written out ("A-melding
 * 2026-02" → "A-melding februar 2026"), else the service and the period. Titles often name the period already
 * ("Boligselskap (RF-1139) 2025"), so it is said once.
 */
export function feedbackTitle(
  item: Pick<FeedbackListItem, 'serviceId' | 'serviceResource' | 'title' | 'period'>,
  language: string,
): string {
  const period = item.period ? formatMonth(item.period, language) : null;
  const name = item.title ?? serviceLabel(item, language);
  if (!period) return name;
  if (item.period && name.includes(item.period)) return name.replace(item.period, period);
  return name.includes(period) ? name : `${name} · ${period}`;
}

/**
 * A transmission's title from Dialogporten with any reporting month written out, as the dialog's headline above it
 * is: "A-melding 2026-01: mottatt" → "A-melding januar 2026: mottatt".
 */
export function transmissionTitle(title: string, language: string): string {
  return title.replace(/\b(\d{4})-(0[1-9]|1[0-2])\b/g, (month) => formatMonth(month, language));
}
