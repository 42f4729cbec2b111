import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';

// Any address no other route claims: a real 404 through the root, so it has its title and
// the reader's language like every other page.
export function loader(): never {
  throw new Response(null, { status: 404, statusText: 'Not Found' });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
