// gen-postman: contract tests. contracts says, for each request by its id, the answers the
// document lists, each as [status, schema, media types...]: the status key ("200", "2XX" or
// "default"), the name of the schema in schemas that a JSON body must match ('' for none), and
// the media types its body may have (none for an answer without a body). schemas are JSON Schema
// draft-07 with OpenAPI's nullable, each $ref written "#/definitions/NAME"; ajv, which
// Postman's sandbox carries, checks an answer against the one schema it needs. A format is not
// checked.
const contracts = /* contracts */ {};
const schemas = /* schemas */ {};

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// mediaType is a Content-Type without its parameters, in lower case.
function mediaType(value) {
  return String(value || '').split(';')[0].trim().toLowerCase();
}

// typeListed reports whether the media type of an answer matches one the document lists:
// exactly, or by a wildcard as type/* or */*.
function typeListed(listed, type) {
  const want = mediaType(listed);
  if (type === '') {
    return false;
  }
  if (want === '*/*') {
    return true;
  }
  if (want.endsWith('/*')) {
    return type.startsWith(want.slice(0, -1));
  }
  return want === type;
}

function isJSON(type) {
  return type === 'application/json' || /^[^/]+\/[^;]*\+json$/.test(type);
}

// pointerToken writes a name as one token of a JSON pointer (RFC 6901).
function pointerToken(name) {
  return String(name).replace(/~/g, '~0').replace(/\//g, '~1');
}

// referred adds to names the schemas that schema refers to.
function referred(schema, names) {
  if (schema === null || typeof schema !== 'object') {
    return;
  }
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/definitions/')) {
    try {
      names.push(decodeURIComponent(schema.$ref.slice('#/definitions/'.length).split('/')[0]).replace(/~1/g, '/').replace(/~0/g, '~'));
    } catch (e) {
      // ajv says the reference is bad when it compiles it
    }
  }
  Object.keys(schema).forEach((key) => referred(schema[key], names));
}

// compileSchema compiles the schema named root, with the definitions it needs and no others.
function compileSchema(root) {
  if (!own(schemas, root)) {
    throw new Error('the collection holds no schema "' + root + '"');
  }
  const needed = {};
  const todo = [root];
  while (todo.length > 0) {
    const name = todo.pop();
    if (own(schemas, name) && !own(needed, name)) {
      needed[name] = schemas[name];
      referred(schemas[name], todo);
    }
  }
  const Ajv = require('ajv');
  const ajv = new Ajv({
    nullable: true, format: false, unknownFormats: 'ignore', validateSchema: false,
    jsonPointers: true, allErrors: false, schemaId: 'auto', verbose: true,
    // 0.07 / 0.01 is 7.000000000000001: a multipleOf of a decimal holds within 1e-9.
    multipleOfPrecision: 9,
  });
  ajv.addSchema({ definitions: needed }, 'gp');
  const validate = ajv.getSchema('gp#/definitions/' + encodeURIComponent(pointerToken(root)));
  if (!validate) {
    throw new Error('ajv found no schema "' + root + '"');
  }
  return { validate, needed };
}

// pathTo is the JSON pointer of target within schema, or undefined when it is not there.
function pathTo(schema, target) {
  if (schema === target) {
    return '';
  }
  if (schema === null || typeof schema !== 'object') {
    return undefined;
  }
  for (const key of Object.keys(schema)) {
    const rest = pathTo(schema[key], target);
    if (rest !== undefined) {
      return '/' + pointerToken(key) + rest;
    }
  }
  return undefined;
}

// schemaPath says where in the document's schemas the keyword that failed is: ajv reports the
// schema object that holds it, found among the definitions compiled.
function schemaPath(error, needed, root) {
  for (const name of Object.keys(needed)) {
    const at = pathTo(needed[name], error.parentSchema);
    if (at !== undefined) {
      return '#/definitions/' + pointerToken(name) + at + '/' + error.keyword;
    }
  }
  const path = String(error.schemaPath);
  return path.startsWith('#/definitions/') ? path : '#/definitions/' + pointerToken(root) + path.replace(/^#/, '');
}

// describeError says what failed where: the answer's data path, ajv's message, the schema path.
function describeError(error, needed, root) {
  let text = (error.dataPath ? 'at ' + error.dataPath + ': ' : '') + error.message;
  if (error.params && error.params.additionalProperty !== undefined) {
    text += ' (' + error.params.additionalProperty + ')';
  }
  return text + ' (schema ' + schemaPath(error, needed, root) + ')';
}

// checkContract tests the answer against what the document lists for the request: the
// status, then the content type, then the JSON body's schema. A status matches a listed code
// first, then its range (2XX), then default.
function checkContract(listed) {
  const responses = listed.filter(Array.isArray).map((r) => ({ status: String(r[0]), schema: r[1] || '', contentTypes: r.slice(2) }));
  const name = pm.info.requestName;
  const code = pm.response.code;
  const status = (r) => r.status.toUpperCase();
  const byCode = responses.find((r) => status(r) === String(code)) || responses.find((r) => status(r) === String(code)[0] + 'XX');
  // A token the API refused has failed the run already, first; an answer the document does
  // not list for it says nothing more.
  const tokenSent = !(pm.request.auth && pm.request.auth.type === 'noauth');
  if (tokenSent && (code === 401 || code === 403) && !byCode) {
    return;
  }
  const match = byCode || responses.find((r) => status(r) === 'DEFAULT');
  pm.test(name + ': the status is one the document lists', () => {
    if (!match) {
      throw new Error(name + ': HTTP ' + code + ' is not an answer the document lists (' + responses.map((r) => r.status).join(', ') + ')');
    }
  });
  if (!match || pm.request.method === 'HEAD') {
    return;
  }
  const header = pm.response.headers.get('Content-Type');
  const type = mediaType(header);
  const types = match.contentTypes;
  if (types.length > 0) {
    pm.test(name + ': the content type is one the document lists', () => {
      if (!types.some((t) => typeListed(t, type))) {
        throw new Error(name + ': ' + code + ' answer ' + (header ? 'of type ' + header : 'without a Content-Type') +
          ', the document lists ' + types.join(', '));
      }
    });
  }
  // The schema is a JSON body's: an answer of another type the document lists has none.
  if (!match.schema || (!isJSON(type) && types.some((t) => typeListed(t, type)))) {
    return;
  }
  pm.test(name + ": the answer matches the document's schema", () => {
    let body;
    try {
      body = JSON.parse(pm.response.text());
    } catch (e) {
      throw new Error(name + ': ' + code + ' answer is not JSON: ' + e.message);
    }
    let compiled;
    try {
      compiled = compileSchema(match.schema);
    } catch (e) {
      throw new Error(name + ": the document's schema " + match.schema + ' cannot be checked: ' + e.message);
    }
    if (!compiled.validate(body)) {
      // The first error is where the answer first failed; under anyOf or oneOf, the last is
      // the choice none of whose schemas it matched.
      const errors = compiled.validate.errors || [];
      const first = errors.length > 0 ? describeError(errors[0], compiled.needed, match.schema) : 'does not match';
      let text = name + ': ' + code + ' answer ' + first;
      if (errors.length > 1) {
        text += '; ' + describeError(errors[errors.length - 1], compiled.needed, match.schema);
      }
      throw new Error(text.slice(0, 1000));
    }
  });
}

if (pm.response && typeof pm.response.code === 'number' && pm.response.code > 0 && own(contracts, pm.info.requestId) &&
  Array.isArray(contracts[pm.info.requestId])) {
  checkContract(contracts[pm.info.requestId]);
}
