// Where the preview's pages live, for links in the browser and redirects on the server.

/**
 * A resident page of the preview. `answers` are the choices made so far (form values of the
 * questions that can decide a route), carried in the address so the preview follows the same
 * route a resident's answers would take, while storing nothing.
 */
export const previewPath = (id: number, step?: string, answers?: Record<string, unknown> | null) =>
  `/admin/consultations/${id}/preview${step ? `/${step}` : ''}${answers && Object.keys(answers).length > 0 ? `?answers=${encodeURIComponent(JSON.stringify(answers))}` : ''}`;
export const youthPreviewPath = (id: number, step: string, age?: string | null) =>
  `/admin/consultations/${id}/preview/young/${step}${age ? `?age=${encodeURIComponent(age)}` : ''}`;
