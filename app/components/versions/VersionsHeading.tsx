/**
 * A versions page's heading. The consultation's name and tabs come from its layout route
 * (admin.consultations.$id.tsx); the consultation is passed for pages that name it again.
 */
export function VersionsHeading({ title }: { consultation: { id: number; title: string }; title: string }) {
  return <h1>{title}</h1>;
}
