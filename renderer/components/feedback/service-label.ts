import { SERVICES } from '../../../shared/domain/services-catalogue';
import type { FeedbackListItem } from '../../../shared/feedback/feedback-overview';

/** The service's name in the user's language, or its Altinn resource when Innsender has no name for it. */
export function serviceLabel(item: Pick<FeedbackListItem, 'serviceId' | 'serviceResource'>, language: string): string {
  const service = SERVICES.find((s) => s.id === item.serviceId);
  if (!service) return item.serviceResource.replace(/^urn:altinn:resource:/, '');
  return language === 'en' ? service.name.en : service.name.nb;
}
