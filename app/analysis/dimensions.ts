// The fields a summary can be filtered and broken down by: who answered (from "About you"),
// where they live, and how they answered. Exports and reports name them too.

export const DIMENSIONS = [
  'ageBand',
  'sex',
  'ethnicity',
  'ethnicGroup',
  'disability',
  'carer',
  'ward',
  'areaCommittee',
  'respondentGroup',
  'channel',
  'locale',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
