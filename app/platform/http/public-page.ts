import { PUBLIC_PAGE } from './cache-headers';

/** Headers of a page that is the same for everyone reading it in the same language. */
export const publicPageHeaders = { 'Cache-Control': PUBLIC_PAGE, Vary: 'Cookie, Accept-Language' } as const;
