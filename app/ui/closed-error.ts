// What a 410 carries when a consultation can no longer be answered: the thrower (consultations)
// fills it in, the shared error page (RouteErrorBoundary) explains it.

/** What an error page needs to explain why a consultation cannot be answered. */
export interface ClosedError {
  reason: 'closed';
  title: string;
  closesAt: string | null;
  slug: string;
}

export function isClosedError(value: unknown): value is ClosedError {
  return typeof value === 'object' && value !== null && (value as { reason?: unknown }).reason === 'closed';
}
