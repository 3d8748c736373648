// gen-postman: fails a request sent without a token because the token request was refused or
// failed (the pre-request script records why), and any request the API refuses, so CI notices.
// A request marked "No Auth" (an API's public operations) carries no token: the next two do not apply.
// A request that got no answer (the connection failed or was closed) fails, saying so: it has no
// status to test, and says nothing of whether the API accepts the token.
const answered = Boolean(pm.response) && typeof pm.response.code === 'number' && pm.response.code > 0;
if (!answered) {
  pm.test('gen-postman: the request got an answer', () => {
    throw new Error(pm.info.requestName + ': no answer: the connection failed or was closed (see the error Newman or the app shows for it)');
  });
}
if (!(pm.request.auth && pm.request.auth.type === 'noauth')) {
  pm.test('gen-postman: an access token was obtained', () => {
    const error = pm.collectionVariables.get('accessTokenError');
    if (error) {
      throw new Error(error);
    }
  });
  if (answered) {
    pm.test('the API accepts the token (not 401 or 403)', () => {
      // RFC 6750 section 3: the API says why in WWW-Authenticate (insufficient_scope, the scope it needs).
      const challenge = String(pm.response.headers.get('WWW-Authenticate') || '').slice(0, 300);
      pm.expect(pm.response.code, 'HTTP status' + (challenge ? ' (WWW-Authenticate: ' + challenge + ')' : '')).to.not.be.oneOf([401, 403]);
    });
  }
  const dpopIgnored = pm.collectionVariables.get('dpopIgnored');
  if (dpopIgnored) {
    pm.test('gen-postman: the token is bound to the DPoP key', () => {
      throw new Error(dpopIgnored);
    });
  }
  // A token the API refuses (401) may have been revoked: it is dropped, so the next request asks
  // for a new one. Once: a new token refused as well is kept, so an API that refuses every
  // token costs one more token request, not one a request.
  if (pm.collectionVariables.get('accessToken')) {
    if (pm.response.code !== 401) {
      pm.collectionVariables.set('accessTokenRefused', '');
    } else if (!pm.collectionVariables.get('accessTokenRefused')) {
      pm.collectionVariables.set('accessToken', '');
      pm.collectionVariables.set('accessTokenRefused', '1');
      console.warn('gen-postman: the API refused the token (HTTP 401): the next request asks for a new one');
    }
  }
}

// gen-postman: ids from answers. answers says, for each request by its id, which variables its
// JSON answer fills and under which field names: a list fills them unless they hold an id the run
// created, a create always does (from its answer, else from the body it sent, where the client
// chose the id) and records the id in createdIds, the ids a PUT, PATCH or DELETE may change. A
// DELETE of such an id forgets it.
const answers = /* answers */ {};

function readCreated() {
  try {
    const created = JSON.parse(pm.collectionVariables.get('createdIds') || '{}');
    return created && typeof created === 'object' ? created : {};
  } catch (e) {
    return {};
  }
}

// findField finds the first of fields in an answer: in the object itself when it has the first
// name, else in the first element of a list it holds or an object it holds, else in itself.
function findField(body, fields) {
  const usable = (v) => (typeof v === 'string' && v !== '') || typeof v === 'number';
  const objects = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const first = Array.isArray(body) ? body[0] : body;
  if (!objects(first)) {
    return undefined;
  }
  if (usable(first[fields[0]])) {
    return String(first[fields[0]]);
  }
  const inner = Object.keys(first).map((k) => (Array.isArray(first[k]) ? first[k][0] : first[k])).filter(objects);
  for (const field of fields) {
    const found = inner.concat([first]).find((o) => usable(o[field]));
    if (found) {
      return String(found[field]);
    }
  }
  return undefined;
}

// inert keeps an id the server wrote from reading as a variable: Postman expands {{itemId}} and
// then what it holds, so an id "{{clientSecret}}" would put the secret in the next request's
// path. Its braces are percent-encoded: the server gets its own text back.
function inert(value) {
  return value.indexOf('{{') < 0 ? value : value.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

const fills = Object.prototype.hasOwnProperty.call(answers, pm.info.requestId) && Array.isArray(answers[pm.info.requestId]) ? answers[pm.info.requestId] : undefined;
if (answered && pm.response.code >= 200 && pm.response.code < 300) {
  const created = readCreated();
  let changed = false;
  if (fills) {
    let body;
    try {
      body = pm.response.json();
    } catch (e) {
      body = undefined;
    }
    let sent;
    try {
      sent = pm.request.body && pm.request.body.mode === 'raw' ? JSON.parse(pm.request.body.raw) : undefined;
    } catch (e) {
      sent = undefined;
    }
    fills.forEach((fill) => {
      // A create whose answer does not hold the id may have been sent the id it chose.
      let found = findField(body, fill.fields);
      if (found === undefined && fill.created) {
        found = findField(sent, fill.fields);
      }
      const value = found === undefined ? undefined : inert(found);
      const mine = Array.isArray(created[fill.variable]) ? created[fill.variable] : [];
      if (value === undefined) {
        return;
      }
      if (fill.created) {
        created[fill.variable] = mine.concat([value]);
        changed = true;
      } else if (mine.includes(pm.collectionVariables.get(fill.variable))) {
        return;
      }
      pm.collectionVariables.set(fill.variable, value);
    });
  }
  // What a DELETE removed is what its last path variable names.
  const last = pm.request.method === 'DELETE' ? pm.request.url.variables.all().slice(-1)[0] : undefined;
  const ref = last ? /^\{\{([^{}]+)\}\}$/.exec(String(last.value)) : null;
  if (ref && Array.isArray(created[ref[1]])) {
    const value = String(pm.variables.get(ref[1]));
    created[ref[1]] = created[ref[1]].filter((id) => id !== value);
    changed = true;
  }
  if (changed) {
    pm.collectionVariables.set('createdIds', JSON.stringify(created));
  }
}
