// Where the preview's pages live, for links in the browser and redirects on the server.
export const previewPath = (id: number, step?: string) => `/admin/consultations/${id}/preview${step ? `/${step}` : ''}`;
/** A young people's preview page; the age and the answers that decide the route so far travel in the address. */
export function youthPreviewPath(id: number, step: string, age?: string | null, answers: Record<string, readonly string[]> = {}) {
  const query = new URLSearchParams();
  if (age) query.set('age', age);
  for (const [field, options] of Object.entries(answers)) for (const option of options) query.append(field, option);
  const search = query.toString();
  return `/admin/consultations/${id}/preview/young/${step}${search ? `?${search}` : ''}`;
}
