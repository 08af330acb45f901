// Every call to the API goes through here: the bearer token on each request, problems turned into messages.
import { current, end } from './session.js';

/** An answer that is not 2xx, with the problem's detail (RFC 9457) as its message. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** fetch with the session's token; a 401 ends the session and goes back to sign-in. */
export async function call(path, options = {}) {
  const session = current();
  const headers = new Headers(options.headers || {});
  if (session) {
    headers.set('Authorization', 'Bearer ' + session.token);
  }
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    end();
    location.assign('/?expired=1&next=' + encodeURIComponent(location.pathname + location.search));
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
