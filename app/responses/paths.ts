// Where each page of a survey lives.
export const surveyPath = (slug: string, stepId?: string) => (stepId ? `/consultations/${slug}/answer/${stepId}` : `/consultations/${slug}`);
export const checkPath = (slug: string) => `/consultations/${slug}/check`;
export const confirmationPath = (slug: string, reference: string) => `/consultations/${slug}/confirmation/${reference}`;
