// Every call to the API goes through here: the session cookie goes along by itself, writes carry the CSRF token,
// problems are turned into messages.
import { cookie, signIn } from './session.js';

/** An answer that is not 2xx, with the problem's detail (RFC 9457) as its message. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

/** fetch within the session; a 401 (the session ended) goes through sign-in and back to this page. */
export async function call(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (!SAFE.includes((options.method || 'GET').toUpperCase())) {
    headers.set('X-XSRF-TOKEN', cookie('XSRF-TOKEN') || '');
  }
  const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  if (response.status === 401) {
    await signIn(location.pathname + location.search);
    throw new ApiError(401, 'not signed in');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await detailOf(response));
  }
  return response;
}

export async function get(path) {
  return (await call(path, { headers: { Accept: 'application/json' } })).json();
}

export async function post(path, body) {
  const response = await call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function detailOf(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || ('HTTP ' + response.status);
  } catch (e) {
    return 'HTTP ' + response.status;
  }
}
