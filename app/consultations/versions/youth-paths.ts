// The addresses of a consultation's young people's version: its way in is linked wherever the
// consultation is shown, so they live with the version rather than with the survey's pages.

export const youthPath = (slug: string, step?: string) => (step ? `/consultations/${slug}/young/${step}` : `/consultations/${slug}/young`);
export const youthCheckPath = (slug: string) => `/consultations/${slug}/young/check`;
export const youthDonePath = (slug: string, reference: string) => `/consultations/${slug}/young/done/${reference}`;
