// Form field names. Question keys are [a-z0-9_], so the "-other" suffix can never collide.
export const questionField = (key: string) => `q-${key}`;
export const otherField = (key: string) => `q-${key}-other`;
