// Cache-Control values, named for what the page is.

/** The same for everyone: browsers revalidate with the ETag, the server keeps a copy. */
export const PUBLIC_PAGE = 'public, max-age=0, must-revalidate';

/** A person's own answers: never stored by a browser or proxy. */
export const PRIVATE_PAGE = 'private, no-store';
