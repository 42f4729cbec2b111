import { createContext, useContext } from 'react';

/**
 * The request's Content-Security-Policy nonce, given to the scripts Remix writes into the page.
 * Only the server knows it; in the browser it is empty (browsers hide a nonce from scripts), and
 * the scripts it was for have already run by then.
 */
export const NonceContext = createContext('');

export const useNonce = () => useContext(NonceContext);
