/** Where signing in leads without a `next`. */
export const AFTER_SIGN_IN = '/my/organisations';

/**
 * The page to go to after signing in: only a path of this site, starting with a single `/`. Anything
 * else (`//other-host`, `/\other`, which browsers read as `//other`, `https://…`, `javascript:…`) goes
 * home instead of being followed, so a link to the sign-in page cannot send the user elsewhere.
 */
export function safeNext(next: string | null, origin: string): string {
  if (next === null || next === '') return AFTER_SIGN_IN;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    // the URL parser drops tabs and newlines and reads backslashes as slashes, as browsers do
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
