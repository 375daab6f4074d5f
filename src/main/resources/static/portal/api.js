// Calls of the page to the suite: the session's cookie goes along, and every call carries the session's CSRF token
// (the server refuses a change without it; the header also tells the server not to answer with a Basic challenge).

let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

/** A refused call: its HTTP status and the server's message (with the fields that were wrong). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The session has ended (timeout or logout elsewhere): the page shows the login again. */
export class SessionEnded extends Error {}

/**
 * Sends a call and answers {status, data, location}. body: an object (sent as JSON), FormData or URLSearchParams;
 * headers: more headers.
 */
export async function call(method, path, body, headers = {}) {
  const sent = { Accept: 'application/json', ...headers };
  if (csrfToken) {
    sent['X-CSRF-Token'] = csrfToken;
  }
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof URLSearchParams)) {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers: sent, body: payload, credentials: 'same-origin' });
  if (response.status === 401 && !path.startsWith('/portal/')) {
    throw new SessionEnded();
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, messageOf(data, response.status));
  }
  return { status: response.status, data, location: response.headers.get('Location') };
}

export const get = (path) => call('GET', path).then((r) => r.data);

function messageOf(data, status) {
  if (!data) {
    return String(status);
  }
  const fields = Array.isArray(data.errors)
    ? data.errors.map((e) => (e.field ? `${e.field}: ` : '') + (e.reason || e.message || '')).join('; ') : '';
  return [data.message, fields].filter(Boolean).join(' — ') || String(status);
}
