// gen-postman: gets an OAuth 2.0 client credentials token (RFC 6749 section 4.4) before a request
// when none is cached for these settings or the cached one is about to expire, and keeps it in the
// collection variable accessToken, which the collection's OAuth 2.0 auth sends as a Bearer token.
// Variables it reads: tokenUrl, clientId, the client secret (or, with private_key_jwt, the
// private key and keyId), scope and the API parameter(s) below.
// When no token can be had it records why in accessTokenError, never with the secret, and the
// collection's test fails the request with that reason. A request that would send a path
// variable empty is not sent: a test fails the run naming the variable (pathVariableError keeps it).
const settings = /* settings */ {};
// A token is renewed 30 s before it expires, or halfway through a shorter lifetime.
const renewBeforeExpiryMs = 30 * 1000;
// refusalWindowMs is how long a token request the server refused (HTTP 400, 401 or 403: a wrong
// secret or key, a scope or API the client may not have) stands for the same settings: the
// requests in it are not sent, and none asks again. A run of many requests with a wrong secret
// then makes one token request every so often, not one a request, which can lock the client
// out, and sends nothing without a token.
const refusalWindowMs = 10 * 1000;
const base64 = require('btoa'); // the sandbox's global btoa is deprecated
/* signing */

// application/x-www-form-urlencoded, as RFC 6749 section 2.3.1 requires for HTTP Basic too.
function formEncode(value) {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

// tokenSettings reads the token request's variables; cacheKey says which settings a token is for.
function tokenSettings() {
  const tokenUrl = pm.variables.get('tokenUrl') || '';
  const clientId = pm.variables.get('clientId') || '';
  const fields = [['grant_type', 'client_credentials']];
  const scope = pm.variables.get('scope') || '';
  if (scope) {
    fields.push(['scope', scope]);
  }
  settings.params.forEach((name) => {
    const value = pm.variables.get(name) || '';
    if (value) {
      fields.push([name, value]);
    }
  });
  // The client secret, or with private_key_jwt the private key.
  const credential = pm.variables.get(settings.credential) || '';
  const cacheKey = JSON.stringify([tokenUrl, clientId, fields]);
  return { tokenUrl, clientId, credential, fields, cacheKey };
}

// tokenRequest is the token request for these settings: with private_key_jwt a fresh assertion
// (each may be used once), with DPoP a fresh proof carrying the server's nonce.
function tokenRequest(s, nonce) {
  const fields = s.fields.slice();
  const header = [
    { key: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    { key: 'Accept', value: 'application/json' }
  ];
  if (settings.clientAuth === 'private_key_jwt') {
    fields.push(['client_id', s.clientId],
      ['client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
      ['client_assertion', clientAssertion(s.clientId, s.tokenUrl)]);
  } else if (settings.clientAuth === 'header') {
    header.push({ key: 'Authorization', value: 'Basic ' + base64(formEncode(s.clientId) + ':' + formEncode(s.credential)) });
  } else {
    fields.push(['client_id', s.clientId], ['client_secret', s.credential]);
  }
  if (settings.dpop) {
    header.push({ key: 'DPoP', value: dpop.proof('POST', s.tokenUrl, nonce, '') });
  }
  const body = fields.map(([k, v]) => formEncode(k) + '=' + formEncode(v)).join('&');
  // What a refusal must not show: the secret, or the assertion and the proof.
  const sent = settings.clientAuth === 'private_key_jwt' ? fields.concat(header.map((h) => [h.key, h.value]))
    .filter(([k]) => k === 'client_assertion' || k === 'DPoP').map(([, v]) => v) : [s.credential];
  return { sent, request: { url: s.tokenUrl, method: 'POST', header, body: { mode: 'raw', raw: body } } };
}

// hideSecret keeps the client secret, or the assertion and proof sent, as sent or form-encoded,
// out of a message a server wrote.
function hideSecret(message, secrets) {
  let out = String(message);
  secrets.filter(Boolean).forEach((secret) => {
    [secret, formEncode(secret), encodeURIComponent(secret)].forEach((form) => {
      out = out.split(form).join('[secret]');
    });
  });
  return out;
}

// recordFailure records why no token could be had, for the collection's test, and logs it.
function recordFailure(message) {
  pm.collectionVariables.set('accessToken', '');
  pm.collectionVariables.set('accessTokenError', message);
  console.error('gen-postman: ' + message);
}

// describeError names a request that got no answer: the connection error's code (ECONNREFUSED,
// ENOTFOUND, ETIMEDOUT, ...), its message and the address. In Newman's sandbox the error arrives
// as a plain object, where String(err) reads [object Object].
function describeError(err) {
  if (!err || typeof err !== 'object') {
    return String(err);
  }
  const parts = [];
  if (err.code) {
    parts.push(String(err.code));
  }
  if (err.message && String(err.message) !== String(err.code)) {
    parts.push(String(err.message));
  }
  if (err.address) {
    parts.push('(' + err.address + (err.port ? ':' + err.port : '') + ')');
  }
  if (parts.length === 0) {
    try {
      parts.push(JSON.stringify(err));
    } catch (e) {
      parts.push('an unknown error');
    }
  }
  return parts.join(' ');
}

function describeFailure(res) {
  let reason = 'HTTP ' + res.code;
  // Glewlwyd's whole answer to a wrong secret or key, another client authentication than the
  // registered one, or a scope the client may not have.
  if ((res.code === 401 || res.code === 403) && String(res.text() || '').trim() === '') {
    return reason + ' with an empty body: the server refused the client without saying why (check the client id and ' +
      (settings.clientAuth === 'private_key_jwt' ? 'key, and its kid in keyId' : 'secret') +
      ', the client authentication registered for the client, and the scope)';
  }
  try {
    const body = res.json();
    if (body && body.error) {
      reason += ' ' + body.error + (body.error_description ? ': ' + body.error_description : '') + refusalHint(res, body.error);
    }
  } catch (e) {
    reason += ', not a JSON body';
  }
  return reason;
}

// refusalHint says what a signed client's refusal most likely means: a clock far from the
// server's (which takes the assertion for expired), a key the server does not hold, or a
// nonce the server asks for without giving one.
function refusalHint(res, error) {
  if (settings.clientAuth === 'private_key_jwt' && error === 'invalid_client') {
    const skewSeconds = Math.round((Date.now() - Date.parse(res.headers.get('Date') || '')) / 1000);
    if (Math.abs(skewSeconds) > 60) {
      return ' (this machine\'s clock is ' + Math.abs(skewSeconds) + ' s ' + (skewSeconds > 0 ? 'ahead of' : 'behind') +
        ' the server\'s, so it takes the client assertion for expired or not yet valid)';
    }
    return ' (the server did not accept the client assertion: check that it holds this public key for the client, under the kid in keyId)';
  }
  if (settings.clientAuth === 'private_key_jwt' && !settings.dpop && error === 'invalid_grant') {
    return ' (the server may bind this client\'s tokens to a key with DPoP: generate the collection again with --dpop)';
  }
  if (error === 'use_dpop_nonce' && !res.headers.get('DPoP-Nonce')) {
    return ' (the server wants a nonce in the DPoP proof but sent no DPoP-Nonce header to take it from)';
  }
  return '';
}

// useToken does what a request needs besides the token itself: with DPoP, a proof of its own.
// A Bearer token from a server that ignored DPoP goes in an Authorization header of the
// script's own, the collection's auth (prefix DPoP) left out for this request alone.
function useToken(accessToken) {
  if (settings.dpop && pm.collectionVariables.get('dpopIgnored')) {
    pm.variables.set('accessToken', '');
    pm.request.headers.upsert({ key: 'Authorization', value: 'Bearer ' + accessToken });
  } else if (settings.dpop) {
    try {
      dpop.attach(accessToken);
    } catch (e) {
      recordFailure('cannot make a DPoP proof: ' + e.message);
    }
  }
}

// fetchToken sends the token request; with DPoP, a server that asks for a nonce
// (use_dpop_nonce, RFC 9449 section 8) gets one more request, with its nonce.
function fetchToken(s, nonce, retried) {
  let token;
  try {
    token = tokenRequest(s, nonce);
  } catch (e) {
    recordFailure('cannot make the token request to ' + s.tokenUrl + ': ' + e.message);
    return;
  }
  const secret = token.sent;
  pm.sendRequest(token.request, (err, res) => {
    if (err) {
      recordFailure('token request to ' + s.tokenUrl + ' failed: ' + hideSecret(describeError(err), secret));
      return;
    }
    let body = null;
    try {
      body = res.json();
    } catch (e) {
      body = null;
    }
    if (settings.dpop && dpop.keepNonce(res) && !retried && res.code === 400 && body && body.error === 'use_dpop_nonce') {
      fetchToken(s, dpop.tokenNonce(), true);
      return;
    }
    if (res.code === 200 && (!body || typeof body.access_token !== 'string' || body.access_token === '')) {
      recordFailure('token request to ' + s.tokenUrl + ' answered HTTP 200 without an access_token' + (body ? '' : ' (not a JSON body)'));
      return;
    }
    if (res.code !== 200) {
      const message = 'token request to ' + s.tokenUrl + ' was refused: ' + hideSecret(describeFailure(res), secret);
      recordFailure(message);
      if ([400, 401, 403].includes(res.code)) {
        pm.collectionVariables.set('accessTokenRefusal', JSON.stringify({ for: s.cacheKey, at: Date.now(), error: message }));
      }
      return;
    }
    if (holdsVariable(body.access_token)) {
      recordFailure('token request to ' + s.tokenUrl + ' answered an access_token holding "{{", which Postman would ' +
        'expand as a variable (it may name the client secret or key): refused, nothing sent with it');
      return;
    }
    const tokenType = String(body.token_type || '').toLowerCase();
    if (settings.dpop) {
      // A server that ignores DPoP (Ory Hydra) issues a Bearer token: it goes as Bearer, which
      // the API takes, and the collection's test fails every request saying so.
      const ignored = tokenType === 'bearer' ? 'the server ignored DPoP: it issued token_type "' + body.token_type +
        '", a token anyone holding it can use; it is sent as Bearer. Turn on DPoP for this client on the server' : '';
      pm.collectionVariables.set('dpopIgnored', ignored);
      if (ignored) {
        console.error('gen-postman: ' + ignored);
      }
    } else if (tokenType !== 'bearer') {
      console.warn('gen-postman: token_type is "' + body.token_type + '", not Bearer');
    }
    warnDroppedScopes(s, body.scope);
    const lifetimeMs = (Number(body.expires_in) > 0 ? Number(body.expires_in) : 300) * 1000;
    pm.collectionVariables.set('accessToken', body.access_token);
    pm.collectionVariables.set('accessTokenRenewAt', String(Date.now() + lifetimeMs - Math.min(renewBeforeExpiryMs, lifetimeMs / 2)));
    pm.collectionVariables.set('accessTokenFor', s.cacheKey);
    pm.collectionVariables.set('accessTokenError', '');
    pm.collectionVariables.set('accessTokenRefusal', '');
    useToken(body.access_token);
  });
}

// warnDroppedScopes says which scopes asked for the token answer's scope leaves out: some
// servers drop a scope the client does not hold without an error (RFC 6749 section 3.3), and
// the requests that need it are refused later with a bare 403.
function warnDroppedScopes(s, granted) {
  if (typeof granted !== 'string') {
    return; // the answer need not say when it grants what was asked
  }
  const asked = (s.fields.find((f) => f[0] === 'scope') || [])[1] || '';
  const have = granted.split(' ');
  const dropped = asked.split(' ').filter((scope) => scope && !have.includes(scope));
  if (dropped.length > 0) {
    console.warn('gen-postman: the token grants "' + granted + '", without ' + dropped.join(' ') +
      ' asked for: requests that need ' + (dropped.length > 1 ? 'them' : 'it') + ' will be refused; give the client ' +
      (dropped.length > 1 ? 'those scopes' : 'that scope') + ' on the server');
  }
}

// holdsVariable says whether Postman would read part of a token as a variable: it expands
// {{accessToken}} and then what the token holds, so a token "{{privateKey}}" would send the key.
// No token a server rightly issues holds "{{" (RFC 6750 section 2.1).
function holdsVariable(token) {
  return String(token).indexOf('{{') >= 0;
}

// recentRefusal is the refusal of a token request for these settings within refusalWindowMs,
// or ''. The window is short so that a secret put right is tried soon: the credential is not
// part of the settings compared, since nothing derived from it is kept in a variable.
function recentRefusal(s) {
  let refusal = null;
  try {
    refusal = JSON.parse(pm.collectionVariables.get('accessTokenRefusal') || 'null');
  } catch (e) {
    refusal = null;
  }
  if (!refusal || refusal.for !== s.cacheKey) {
    return '';
  }
  const age = Date.now() - Number(refusal.at);
  if (!(age >= 0 && age < refusalWindowMs)) {
    return '';
  }
  return String(refusal.error) + ' (' + Math.round(age / 1000) + ' s ago; not asked again for ' +
    Math.ceil((refusalWindowMs - age) / 1000) + ' s, or until tokenUrl, clientId, scope or the API change)';
}

// ensureToken gets a token unless a good one is cached for these settings. It returns why the
// request must not be sent: a token request for these settings refused moments ago.
function ensureToken() {
  const s = tokenSettings();
  const cachedFor = pm.collectionVariables.get('accessTokenFor');
  const renewAt = Number(pm.collectionVariables.get('accessTokenRenewAt')) || 0;
  const cached = pm.collectionVariables.get('accessToken');

  const refused = s.tokenUrl && s.clientId && s.credential ? recentRefusal(s) : '';
  if (!s.tokenUrl || !s.clientId || !s.credential) {
    recordFailure('cannot get a token: set the variables tokenUrl, clientId and ' + settings.credential + ' (the ' +
      settings.credential + ' in your environment or with newman --env-var ' + settings.credential + '=...)');
  } else if (refused) {
    return refused;
  } else if (!cached || holdsVariable(cached) || cachedFor !== s.cacheKey || Date.now() >= renewAt) {
    fetchToken(s, settings.dpop ? dpop.tokenNonce() : '', false);
  } else {
    useToken(cached);
  }
  return '';
}

// emptyPathVariables names the path variables this request would send empty, with the variables
// to set: Postman sends /api/applications/ for /api/applications/:id when :id is empty, which is
// another route (there, the list of applications), so the request is skipped and the run fails.
// A value still holding {{name}} is a variable nobody defined: as empty.
function emptyPathVariables() {
  const problems = [];
  const unset = (text) => (String(text).match(/\{\{[^{}]+\}\}/g) || []).map((ref) => ref.slice(2, -2));
  const describe = (what, refs) => what + ' is empty' + (refs.length > 0 ? ': set ' + refs.join(', ') : '');
  pm.request.url.variables.each((variable) => {
    const raw = variable.value === undefined || variable.value === null ? '' : String(variable.value);
    const value = pm.variables.replaceIn(raw);
    if (value === '' || unset(value).length > 0) {
      problems.push(describe('path variable :' + variable.key, unset(raw)));
    }
  });
  (pm.request.url.path || []).forEach((segment) => {
    unset(segment).forEach((name) => {
      if (!pm.variables.get(name)) {
        problems.push(describe('variable {{' + name + '}} in the path', [name]));
      }
    });
  });
  return problems;
}

// pathIds lists the path's ids in path order: each path variable and {{variable}} in a path
// segment, by the variable it refers to (or :name for a value written into the request), with its
// value.
function pathIds() {
  const ids = [];
  const refs = (text) => (String(text).match(/\{\{[^{}]+\}\}/g) || []).map((ref) => ref.slice(2, -2));
  (pm.request.url.path || []).forEach((segment) => {
    const variable = String(segment).startsWith(':') ? pm.request.url.variables.one(String(segment).slice(1)) : undefined;
    if (variable) {
      const raw = variable.value === undefined || variable.value === null ? '' : String(variable.value);
      const named = refs(raw);
      ids.push({ name: named.length === 1 && raw === '{{' + named[0] + '}}' ? named[0] : String(segment), value: pm.variables.replaceIn(raw) });
      return;
    }
    refs(segment).forEach((name) => ids.push({ name, value: String(pm.variables.get(name)) }));
  });
  return ids;
}

// changesWhatTheRunDidNotCreate says why a PUT, PATCH or DELETE would change something this run
// did not create, or '' when the first id of its path is one a create of the run answered (the
// collection's test records those in createdIds): what the rest of the path names lies inside
// what the run created. '' too when the changeExisting variable is true.
function changesWhatTheRunDidNotCreate() {
  // A POST under an id (/devices/:id/lifecycle/deactivate, /organizations/:id/users) acts on or
  // adds to what that id names: it is a change too. A POST to a path without one creates.
  const ids = pathIds();
  const post = pm.request.method === 'POST' && ids.length > 0;
  if (!(post || ['PUT', 'PATCH', 'DELETE'].includes(pm.request.method)) || String(pm.variables.get('changeExisting')) === 'true') {
    return '';
  }
  let created = {};
  try {
    created = JSON.parse(pm.collectionVariables.get('createdIds') || '{}') || {};
  } catch (e) {
    created = {};
  }
  if (ids.length === 0) {
    return pm.request.method + ' changes what no id of its path names, so nothing this run created';
  }
  const first = ids[0];
  if (Array.isArray(created[first.name]) && created[first.name].includes(first.value)) {
    return '';
  }
  return pm.request.method + ' would change what ' + first.name + ' ' + JSON.stringify(first.value) + ' names, which this run did not create';
}

// filesToPick names what of the request's body is a file nobody picked yet: a form's file field
// that is on, or a body that is a file. Sent without it, the body is not what the API expects.
function filesToPick() {
  const body = pm.request.body;
  const none = (src) => !src || (Array.isArray(src) && src.length === 0);
  if (!body) {
    return [];
  }
  if (body.mode === 'formdata' && body.formdata) {
    return body.formdata.all().filter((p) => p.type === 'file' && !p.disabled && none(p.src)).map((p) => 'the file field ' + p.key);
  }
  if (body.mode === 'file' && none(body.file && body.file.src)) {
    return ['the body'];
  }
  return [];
}

// A request with an empty path variable is not sent: it would reach another route, or one the
// API's document forbids. The run fails with a test that names the variables to set. Set on every
// request, empty when all is well.
const pathProblems = emptyPathVariables();
pm.collectionVariables.set('pathVariableError', pathProblems.join('; '));
const foreignChange = pathProblems.length > 0 ? '' : changesWhatTheRunDidNotCreate();
if (pathProblems.length > 0) {
  console.error('gen-postman: skipped "' + pm.info.requestName + '": ' + pathProblems.join('; '));
  pm.test('gen-postman: every path variable is set', () => {
    throw new Error(pathProblems.join('; '));
  });
  pm.execution.skipRequest();
} else if (filesToPick().length > 0) {
  console.warn('gen-postman: skipped "' + pm.info.requestName + '": pick a file for ' + filesToPick().join(', ') + ' to send it');
  pm.execution.skipRequest();
} else if (foreignChange) {
  // A run never changes or deletes what it did not create, unless changeExisting is true.
  console.warn('gen-postman: skipped "' + pm.info.requestName + '": ' + foreignChange + ' (set changeExisting to true to send it)');
  pm.execution.skipRequest();
} else if (!(pm.request.auth && pm.request.auth.type === 'noauth')) {
  // A request marked "No Auth" (an API's public operations) needs no token. One whose token
  // request was refused moments ago is not sent: it would go without a token.
  const refused = ensureToken();
  if (refused) {
    console.error('gen-postman: skipped "' + pm.info.requestName + '": no token: ' + refused);
    pm.test('gen-postman: an access token was obtained', () => {
      throw new Error(refused);
    });
    pm.execution.skipRequest();
  }
}
