import type { HeadersFunction } from '@remix-run/node';

/** A route's document headers are the ones its action (after a post) or loader chose. */
export const routeHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => ([...actionHeaders.keys()].length > 0 ? actionHeaders : loaderHeaders);
