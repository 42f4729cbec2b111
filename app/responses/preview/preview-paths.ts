// Where the preview's pages live, for links in the browser and redirects on the server.
export const previewPath = (id: number, step?: string) => `/admin/consultations/${id}/preview${step ? `/${step}` : ''}`;
export const youthPreviewPath = (id: number, step: string, age?: string | null) =>
  `/admin/consultations/${id}/preview/young/${step}${age ? `?age=${encodeURIComponent(age)}` : ''}`;
