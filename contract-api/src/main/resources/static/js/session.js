// Who is signed in: the bearer token and what it says, kept in sessionStorage (gone when the tab closes).
const KEY = 'ggz.session';

export function current() {
  const text = sessionStorage.getItem(KEY);
  return text ? JSON.parse(text) : null;
}

export function start(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function end() {
  sessionStorage.removeItem(KEY);
}

/**
 * The session, or back to the sign-in page when there is none or its role may not see this page. Pages await it at
 * their top level: on the way to sign-in it never resolves, so the rest of the page's script does not run.
 */
export function require(...roles) {
  const session = current();
  if (!session || (roles.length > 0 && !roles.includes(session.role))) {
    location.replace('/?next=' + encodeURIComponent(location.pathname + location.search));
    return new Promise(() => {});
  }
  return Promise.resolve(session);
}
