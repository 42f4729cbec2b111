// What a double-coding sample may be, shared by the form (schemas.ts) and the data layer.
export const SAMPLE_POOLS = ['uncoded', 'any'] as const;
export type SamplePool = (typeof SAMPLE_POOLS)[number];
export const SAMPLE_MIN = 2;
export const SAMPLE_MAX = 500;
