// gen-postman: gets an OAuth 2.0 client credentials token (RFC 6749 section 4.4) before a request
// when none is cached for these settings or the cached one is about to expire, and keeps it in the
// collection variable accessToken, which the collection's OAuth 2.0 auth sends as a Bearer token.
// Variables it reads: tokenUrl, clientId, clientSecret, scope and the API parameter(s) below.
// When no token can be had it records why in accessTokenError, never with the secret, and the
// collection's test fails the request with that reason. It records a path variable left empty
// in pathVariableError, for the test too.
const settings = /* settings */ {};
// A token is renewed 30 s before it expires, or halfway through a shorter lifetime.
const renewBeforeExpiryMs = 30 * 1000;
const base64 = require('btoa'); // the sandbox's global btoa is deprecated

// application/x-www-form-urlencoded, as RFC 6749 section 2.3.1 requires for HTTP Basic too.
function formEncode(value) {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

function tokenRequest() {
  const tokenUrl = pm.variables.get('tokenUrl') || '';
  const clientId = pm.variables.get('clientId') || '';
  const clientSecret = pm.variables.get('clientSecret') || '';
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
  const cacheKey = JSON.stringify([tokenUrl, clientId, fields]);
  const header = [
    { key: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    { key: 'Accept', value: 'application/json' }
  ];
  if (settings.clientAuth === 'header') {
    header.push({ key: 'Authorization', value: 'Basic ' + base64(formEncode(clientId) + ':' + formEncode(clientSecret)) });
  } else {
    fields.push(['client_id', clientId], ['client_secret', clientSecret]);
  }
  const body = fields.map(([k, v]) => formEncode(k) + '=' + formEncode(v)).join('&');
  return { tokenUrl, clientId, clientSecret, cacheKey, request: { url: tokenUrl, method: 'POST', header, body: { mode: 'raw', raw: body } } };
}

// hideSecret keeps the client secret, as sent or form-encoded, out of a message a server wrote.
function hideSecret(message, secret) {
  let out = String(message);
  if (secret) {
    [secret, formEncode(secret), encodeURIComponent(secret)].forEach((form) => {
      out = out.split(form).join('[secret]');
    });
  }
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
  try {
    const body = res.json();
    if (body && body.error) {
      reason += ' ' + body.error + (body.error_description ? ': ' + body.error_description : '');
    }
  } catch (e) {
    reason += ', not a JSON body';
  }
  return reason;
}

// ensureToken gets a token unless a good one is cached for these settings.
function ensureToken() {
  const token = tokenRequest();
  const cachedFor = pm.collectionVariables.get('accessTokenFor');
  const renewAt = Number(pm.collectionVariables.get('accessTokenRenewAt')) || 0;
  const cached = pm.collectionVariables.get('accessToken');

  if (!token.tokenUrl || !token.clientId || !token.clientSecret) {
    recordFailure('cannot get a token: set the variables tokenUrl, clientId and clientSecret (the secret in your environment or with newman --env-var clientSecret=...)');
  } else if (!cached || cachedFor !== token.cacheKey || Date.now() >= renewAt) {
    pm.sendRequest(token.request, (err, res) => {
      if (err) {
        recordFailure('token request to ' + token.tokenUrl + ' failed: ' + hideSecret(describeError(err), token.clientSecret));
        return;
      }
      let body = null;
      try {
        body = res.json();
      } catch (e) {
        body = null;
      }
      if (res.code !== 200 || !body || typeof body.access_token !== 'string' || body.access_token === '') {
        recordFailure('token request to ' + token.tokenUrl + ' was refused: ' + hideSecret(describeFailure(res), token.clientSecret));
        return;
      }
      if (String(body.token_type || '').toLowerCase() !== 'bearer') {
        console.warn('gen-postman: token_type is "' + body.token_type + '", not Bearer');
      }
      const lifetimeMs = (Number(body.expires_in) > 0 ? Number(body.expires_in) : 300) * 1000;
      pm.collectionVariables.set('accessToken', body.access_token);
      pm.collectionVariables.set('accessTokenRenewAt', String(Date.now() + lifetimeMs - Math.min(renewBeforeExpiryMs, lifetimeMs / 2)));
      pm.collectionVariables.set('accessTokenFor', token.cacheKey);
      pm.collectionVariables.set('accessTokenError', '');
    });
  }
}

// emptyPathVariables names the path variables this request would send empty, with the variables
// to set: Postman sends /api/applications/ for /api/applications/:id when :id is empty, which is
// another route (there, the list of applications), so the collection's test fails the request.
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

// Set on every request, empty when all is well.
const pathProblems = emptyPathVariables();
pm.collectionVariables.set('pathVariableError', pathProblems.join('; '));
if (pathProblems.length > 0) {
  console.error('gen-postman: ' + pathProblems.join('; '));
}

// A request marked "No Auth" (an API's public operations) needs no token.
if (!(pm.request.auth && pm.request.auth.type === 'noauth')) {
  ensureToken();
}
