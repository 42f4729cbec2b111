// The answers list's filter on coding: everything, what nobody has coded yet, or what someone has.
export const CODED_FILTERS = ['all', 'uncoded', 'coded'] as const;
export type CodedFilter = (typeof CODED_FILTERS)[number];
