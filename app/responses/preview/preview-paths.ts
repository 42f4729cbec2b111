// Where the preview's pages live, for links in the browser and redirects on the server.

/**
 * A resident page of the preview. `answers` are the choices made so far (form values of the
 * questions that can decide a route), carried in the address so the preview follows the same
 * route a resident's answers would take, while storing nothing.
 */
export const previewPath = (id: number, step?: string, answers?: Record<string, unknown> | null) =>
  `/admin/consultations/${id}/preview${step ? `/${step}` : ''}${answers && Object.keys(answers).length > 0 ? `?answers=${encodeURIComponent(JSON.stringify(answers))}` : ''}`;
/** A young people's preview page; the age and the answers that decide the route so far travel in the address. */
export function youthPreviewPath(id: number, step: string, age?: string | null, answers: Record<string, readonly string[]> = {}) {
  const query = new URLSearchParams();
  if (age) query.set('age', age);
  for (const [field, options] of Object.entries(answers)) for (const option of options) query.append(field, option);
  const search = query.toString();
  return `/admin/consultations/${id}/preview/young/${step}${search ? `?${search}` : ''}`;
}
