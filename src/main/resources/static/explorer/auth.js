// Who the page speaks as. An API token is kept in sessionStorage (this tab only, gone when it closes), sent as a
// bearer token, never written into a URL. In oidc mode the page signs in with the authorization-code flow and PKCE.
const TOKEN = 'atlas.token';
const PKCE = 'atlas.pkce';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN, value);
  else sessionStorage.removeItem(TOKEN);
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export async function pkceChallenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(digest);
}

function randomText(n = 48) {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function discover(issuer) {
  const url = issuer.replace(/\/$/, '') + '/.well-known/openid-configuration';
  const r = await fetch(url);
  if (!r.ok) throw new Error(`The identity provider did not answer (${r.status} from ${url}).`);
  return r.json();
}

function redirectUri() {
  return location.origin + location.pathname;
}

/** Sends the browser to the identity provider; the view (the hash) comes back with it. */
export async function startOidc(oidc) {
  if (!oidc || !oidc.issuer || !oidc.clientId) {
    throw new Error('Sign-in with the identity provider is not configured (atlas.explorer.oidc-client-id).');
  }
  const meta = await discover(oidc.issuer);
  const verifier = randomText();
  const state = randomText(16);
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, hash: location.hash }));
  const q = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope || 'openid',
    state, code_challenge: await pkceChallenge(verifier), code_challenge_method: 'S256',
  });
  location.assign(meta.authorization_endpoint + '?' + q.toString());
}

/** On return from the identity provider: trades the code for a token, then takes code and state out of the URL. */
export async function finishOidc(oidc) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const saved = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', location.pathname + (saved && saved.hash ? saved.hash : location.hash));
  if (params.has('error')) throw new Error('Sign-in refused: ' + (params.get('error_description') || params.get('error')));
  if (!saved || saved.state !== params.get('state')) throw new Error('Sign-in answer did not match this tab\'s request; try again.');
  const meta = await discover(oidc.issuer);
  const r = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: saved.verifier,
    }),
  });
  const body = await r.json().catch(() => ({}));
  if (!r.ok || !body.access_token) throw new Error('Sign-in failed at the token endpoint: ' + (body.error_description || body.error || r.status));
  setToken(body.access_token);
  return true;
}
