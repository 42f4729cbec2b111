import { isRouteErrorResponse } from '@remix-run/react';

export function errorTitle(error: unknown, titles: { 403: string; 404: string; 410: string; 500: string }): string {
  if (isRouteErrorResponse(error) && (error.status === 403 || error.status === 404 || error.status === 410)) return titles[error.status];
  return titles[500];
}
