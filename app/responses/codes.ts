// The fixed vocabularies a response is recorded with. Labels live in locales/*/common.json
// under the same keys (channel.*, group.*), so the codes stay stable while wording changes.

export const CHANNELS = ['online', 'young_people', 'workshop', 'partnership_forum', 'video_booth', 'paper', 'conversation'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RESPONDENT_GROUPS = ['resident', 'young_person', 'business', 'vcfse', 'older_person', 'parent_carer'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

/** How a respondent agreed to be credited if the council quotes them. */
export const QUOTE_CREDITS = ['name_age_area', 'age_area', 'area', 'anonymous'] as const;
export type QuoteCredit = (typeof QUOTE_CREDITS)[number];

export const CONNECTIONS = ['live', 'work', 'study', 'business', 'group'] as const;
export type Connection = (typeof CONNECTIONS)[number];

/**
 * The group an online respondent is counted in, from how they said they are connected to the
 * area: someone answering for a voluntary or community group is counted as VCFSE, a business
 * owner as business, everyone else as a resident.
 */
export function groupFromConnections(connections: readonly Connection[]): RespondentGroup {
  if (connections.includes('group')) return 'vcfse';
  if (connections.includes('business')) return 'business';
  return 'resident';
}
