// Who is signed in. The browser holds only the session cookie (HttpOnly: the script cannot read it, and there is no
// token here at all); GET /api/session says whom the server has signed in, and where to sign in.
const NEXT = 'ggz.next';
let known = null;

/** The server's answer: { signedIn, role, name, insurerUzovi, providerAgb, signIn, trial }. */
export async function current() {
  if (!known) {
    known = fetch('/api/session', { headers: { Accept: 'application/json' } }).then(response => {
      if (!response.ok) {
        throw new Error('the application cannot be reached (HTTP ' + response.status + ')');
      }
      return response.json();
    });
  }
  return known;
}

/** Off to the identity provider (or the start page, where sign-in is not configured), coming back to `next`. */
export async function signIn(next) {
  if (next) {
    sessionStorage.setItem(NEXT, next);
  }
  const session = await current().catch(() => null);
  location.assign(session && session.signIn ? session.signIn : '/');
  return new Promise(() => {});
}

/** The page asked for before signing in (same site only), once. */
export function takeNext() {
  const next = sessionStorage.getItem(NEXT);
  sessionStorage.removeItem(NEXT);
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** The value of a cookie the server set for the script (the CSRF token). */
export function cookie(name) {
  const entry = document.cookie.split('; ').find(part => part.startsWith(name + '='));
  return entry ? decodeURIComponent(entry.substring(name.length + 1)) : null;
}

/** Ends the session here and at the identity provider, which sends the browser back to the start page. */
export async function signOut() {
  const response = await fetch('/logout', {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' },
  });
  let target = '/?signed-out=1';
  if (response.ok) {
    target = (await response.json()).location || target;
  }
  location.assign(target);
}

/**
 * The session, or off to sign in when there is none, or to the start page when its role may not see this page. Pages
 * await it at their top level: on the way elsewhere it never resolves, so the rest of the page's script does not run.
 */
export async function require(...roles) {
  const session = await current();
  if (!session.signedIn) {
    return signIn(location.pathname + location.search);
  }
  if (roles.length > 0 && !roles.includes(session.role)) {
    location.replace('/');
    return new Promise(() => {});
  }
  return session;
}
