// The page's only way to the data: POST /graphql, as any client. Errors come back as sentences. The page sends its
// own questions as trusted documents by id (queries/explorer/*.graphql on the server, `x-explorer:<name>`), so it
// works unchanged where only trusted documents run (the prod profile); `run` takes any catalogue id as well.
import { token } from './auth.js';

export class ApiError extends Error {
  constructor(message, kind) { super(message); this.kind = kind; }
}

let onWait = () => {};
export function onServiceWait(listener) { onWait = listener; }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a trusted document by its id (`x-explorer:profile`, a catalogue id or `id@version`). */
export function run(documentId, variables = {}, options = {}) {
  return send({ documentId, variables }, options);
}

/** Runs free-form GraphQL text (refused below admin where only trusted documents run). */
export function gql(query, variables = {}, options = {}) {
  return send({ query, variables }, options);
}

async function send(request, { retries = 20 } = {}) {
  let timedOut = false;
  let waited = false;
  const wait = (message) => { waited = true; onWait(message); };
  for (let attempt = 0; ; attempt++) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    const t = token();
    if (t) headers.Authorization = 'Bearer ' + t;
    let response;
    try {
      response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(request) });
    } catch (e) {
      if (attempt < retries) { wait('The service is down or unreachable; trying again...'); await sleep(2000); continue; }
      throw new ApiError('The service is down or unreachable. Check that it runs, then reload the page.', 'down');
    }
    if (response.status === 503 || response.status === 502 || response.status === 504 || response.status === 429) {
      // starting, database unavailable, overloaded or rate-limited: say the service's own words, wait as it asks
      const after = Math.min(30, Number(response.headers.get('Retry-After')) || 2);
      const said = await serviceWords(response);
      const why = said || (response.status === 429 ? 'Too many requests just now.' : 'The service is starting or unavailable.');
      if (attempt < retries) { wait(`${why} Trying again in ${after} s...`); await sleep(after * 1000); continue; }
      throw new ApiError(`${why} Try again in a minute.`, response.status === 429 ? 'rate-limited' : 'starting');
    }
    if (response.status === 401) {
      throw new ApiError('Your token was refused (unknown, revoked or expired). Sign in again, or sign out to continue as a guest.', 'unauthorised');
    }
    let body;
    try { body = await response.json(); } catch (e) {
      throw new ApiError(`The service answered ${response.status} without a readable answer.`, 'http');
    }
    const starting = (body.errors || []).find((e) => /starting/i.test(e.message || '') || (e.extensions && e.extensions.classification === 'SERVICE_STARTING'));
    if (starting && attempt < retries) { wait('The service is starting; trying again...'); await sleep(2000); continue; }
    // only a request that put up a waiting message takes it down (other messages stay)
    if (waited) onWait(null);
    if (body.errors && body.errors.length) {
      const e = body.errors[0];
      const cls = e.extensions && e.extensions.classification;
      // the page's questions are bounded (limits, k, depth 1): a timeout means a busy service, so ask once more
      if (cls === 'TIMEOUT' && !timedOut) { timedOut = true; wait('The service is busy; asking once more...'); continue; }
      throw new ApiError(e.message + (cls && cls !== 'BAD_REQUEST' ? ` (${cls})` : ''), cls || 'graphql');
    }
    if (!response.ok) throw new ApiError(`The service answered ${response.status}.`, 'http');
    return body.data;
  }
}

/** The first error message of a refusal's GraphQL body, or null when it has none. */
async function serviceWords(response) {
  try {
    const body = await response.json();
    const e = body && body.errors && body.errors[0];
    return e && typeof e.message === 'string' ? e.message.replace(/[.:]?\s*$/, '.') : null;
  } catch (e) {
    return null;
  }
}

// Fields every node on the canvas needs.
export const NODE = `id label name acronym aliases kind tlp confidence start end description
  ... on Instrument { status } ... on Programme { status } ... on Project { status } ... on Cable { status }`;
export const EDGE = `id type from to role status start end tlp`;
export const CITE = `sourceId locator passage source { id name }`;
