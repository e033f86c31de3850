// Talks to the service. The session token lives in an HttpOnly cookie the page cannot read; writes
// repeat the session's CSRF token in a header, which a forged cross-site request cannot know.

let csrfToken = null;
const unauthorizedListeners = new Set();

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && typeof problem.detail === 'string' && problem.detail) || `The service answered ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = (problem && problem.errors) || [];
  }
}

export async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch (failure) {
    throw new ApiError(0, { detail: 'The service cannot be reached; check the connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !options.allowAnonymous) unauthorizedListeners.forEach((l) => l(error));
    throw error;
  }
  return options.withEtag ? { data, etag: response.headers.get('ETag') } : data;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body, options);
export const patch = (path, body, options) => request('PATCH', path, body, options);
export const del = (path, body, options) => request('DELETE', path, body, options);

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
