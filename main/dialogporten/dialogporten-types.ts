import type { components, operations } from './generated/dialogporten';

/** The end-user API's shapes, named for what they are; all generated from the published OpenAPI. */
type Schemas = components['schemas'];
export type DialogListItem = Schemas['V1EndUserDialogsQueriesSearch_Dialog'];
export type DialogSearchPage = Schemas['PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog'];
export type DialogDetails = Schemas['V1EndUserDialogsQueriesGet_Dialog'];
export type TransmissionItem = Schemas['V1EndUserDialogTransmissionsQueriesSearch_Transmission'];
export type TransmissionDetails = Schemas['V1EndUserDialogTransmissionsQueriesGet_Transmission'];
export type TransmissionAttachment = Schemas['V1EndUserDialogTransmissionsQueriesSearch_Attachment'];
export type ContentValue = Schemas['V1CommonContent_ContentValue'];
export type DialogStatus = Schemas['DialogsEntities_DialogStatus'];
export type ProblemDetails = Schemas['ProblemDetails'];

type SearchParameters = NonNullable<operations['V1EndUserDialogsSearch_SearchDialog']['parameters']['query']>;

/** The schema types `orderBy` and `continuationToken` as opaque objects; on the wire both are strings. */
export type DialogSearchQuery = Omit<SearchParameters, 'orderBy' | 'continuationToken'> & {
  orderBy?: string;
  continuationToken?: string;
};

export const partyForOrg = (orgNumber: string) => `urn:altinn:organization:identifier-no:${orgNumber}`;
export const resourceUrn = (resource: string) => `urn:altinn:resource:${resource}`;

/** The text in the user's language, else Norwegian, else whatever is there. */
export function localized(value: ContentValue | null | undefined, language: 'nb' | 'en' = 'nb'): string | undefined {
  const list = value?.value ?? [];
  const pick = (code: string) => list.find((l) => l.languageCode === code)?.value;
  return pick(language) ?? pick('nb') ?? pick('nn') ?? list[0]?.value ?? undefined;
}
