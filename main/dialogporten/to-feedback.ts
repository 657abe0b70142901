import type { FeedbackAttachment, FeedbackDialog, FeedbackTransmission } from '../../shared/feedback/feedback-dialog';
import {
  localized,
  type DialogListItem,
  type TransmissionAttachment,
  type TransmissionItem,
} from './dialogporten-types';

/**
 * From the end-user API's generated types to what Innsender keeps. Every field of the published schema is
 * optional, so each is read with a fallback rather than trusted.
 */
export function toFeedbackDialog(item: DialogListItem, transmissions: FeedbackTransmission[]): FeedbackDialog {
  return {
    id: item.id ?? '',
    party: item.party ?? '',
    serviceResource: item.serviceResource ?? '',
    status: item.status ?? 'InProgress',
    extendedStatus: item.extendedStatus ?? null,
    externalReference: item.externalReference ?? null,
    title: localized(item.content?.title) ?? null,
    summary: localized(item.content?.summary) ?? null,
    createdAt: item.createdAt ?? item.updatedAt ?? '',
    updatedAt: item.updatedAt ?? '',
    transmissions,
  };
}

export function toFeedbackTransmission(t: TransmissionItem): FeedbackTransmission {
  return {
    id: t.id ?? '',
    createdAt: t.createdAt ?? '',
    type: t.type ?? 'Information',
    sender: t.sender?.actorType === 'PartyRepresentative' ? 'PartyRepresentative' : 'ServiceOwner',
    title: localized(t.content?.title) ?? null,
    summary: localized(t.content?.summary) ?? null,
    relatedTransmissionId: t.relatedTransmissionId ?? null,
    isAuthorized: t.isAuthorized ?? true,
    attachments: (t.attachments ?? []).map(toFeedbackAttachment),
  };
}

function toFeedbackAttachment(a: TransmissionAttachment): FeedbackAttachment {
  return {
    id: a.id ?? '',
    displayName: a.displayName?.find((l) => l.languageCode === 'nb')?.value ?? a.displayName?.[0]?.value ?? null,
    urls: (a.urls ?? []).map((u) => ({
      url: u.url ?? '',
      mediaType: u.mediaType ?? null,
      consumerType: u.consumerType ?? 'Gui',
    })),
  };
}
