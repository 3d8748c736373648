// Package openapi turns an OpenAPI document into package apimodel's neutral,
// deterministic model of requests: one request per operation, grouped in
// folders by tag, with path parameters tied to API variables, query
// parameters and headers that carry example values, and JSON bodies built
// from schemas.
//
// The model says nothing about Postman's JSON; a writer maps it onto
// collection items. Parsing does not validate the document: real documents
// often fail strict validation and still describe usable requests. Only a
// document that cannot be read, is too large, has no operations, or whose
// requests would hold more text than a collection may ([DefaultMaxText]:
// one long description referenced by every operation) is refused.
//
// OpenAPI 3.0, 3.1 and 3.2 documents are read, as JSON or YAML. A Swagger 2.0
// document is rewritten, in memory, as the OpenAPI 3.0 document it describes,
// and read as one, so the rules below hold for both: servers come from schemes
// (https first), host and basePath; definitions become components.schemas;
// securityDefinitions become securitySchemes, an oauth2 "application" flow
// being clientCredentials; an in: body parameter becomes the request body (in
// the operation's or the document's consumes types, else application/json),
// formData parameters a form request body; other parameters take a schema from
// their type, format, items, enum and bounds. Earlier Swagger versions are
// refused with [ErrUnsupportedVersion].
//
// A local $ref that points at nothing the document defines (Keycloak's
// documents have one) does not refuse the document: it reads as an empty
// schema, any value, and [Document.Warnings] names it.
//
// # Rules
//
// Folders: each operation goes in the folder of its first tag. Folders follow
// the order of the document's top-level tags list, then tags that are used but
// not declared, in the order of first use; operations without a tag go in a
// last folder named "Other". Only tags that hold operations become folders.
// Then, so that a run flows, a folder whose requests need a variable that
// another folder fills (below) and it does not comes after that folder, the
// document's order kept where nothing needs another.
//
// Inside a folder, requests go as a run needs them: the requests that read or
// add (lists and reads without path parameters, then creates, then reads of
// one item), fewer path parameters first; then PUT and PATCH; then DELETE, the
// most path parameters first. Requests of the same rank follow the document:
// paths in the order written, and the methods of a path in the order written.
//
// Ids from answers: a path that ends in a whole {param} segment is an item of
// the collection path before it (/api/applications/{id} of /api/applications).
// A GET or a POST of that collection path fills the item's variable from its
// JSON answer (Request.Fills), under the parameter's name, camelCased, its
// last word or id; a POST's value is one the run created. The document's links
// come first: a successful answer's link to an operation (by operationId or a
// local operationRef) that sets a path parameter to "$response.body#/…/field"
// fills that parameter's variable from the field, and the path structure adds
// no other field for the same variable. Links are read with the answers, and
// without contract tests too.
//
// Names: a request is named by its summary, else its operationId, else
// "METHOD /path". Names are made unique across the document in document order:
// the second "List users" becomes "List users (2)", and so on.
//
// Path parameters: the path keeps the document's template, and each {param}
// in it is tied to one API variable per meaning (the Postman writer turns a
// whole segment into a :param path variable that refers to that collection
// variable, and a parameter inside a segment into {{meaning}} in place). A
// parameter stands for an identifier of a resource; the resources are the
// document's literal path segments, singularized and camelCased
// (organization-roles is organizationRole), and the resource before a
// parameter is the nearest literal segment before it. The meaning, with the
// name camelCased (user_id is userId) and split before its last word
// (connectorFactoryId is connectorFactory and Id):
//
//   - id, ID or _id: the resource before it, plus Id: /api/applications/{id}
//     means applicationId.
//   - A name, or its first part, that is a resource of the document keeps its
//     name: {userId}; {organizationScopeId} under /organization-roles/{id}/scopes
//     when the document has /organization-scopes.
//   - A first part that shortens the resource before it (its first or last
//     words, or its first three letters or more) takes the resource's name:
//     /connector-factories/{factoryId} means connectorFactoryId,
//     /applications/{app_id} applicationId, /organizations/{org_code}
//     organizationCode.
//   - A first part that, after the resource before it, names a resource:
//     /connectors/{factoryId} means connectorFactoryId when the document has
//     /connector-factories.
//   - Otherwise the name is its meaning, but a generic one, whose first part is
//     a single word (name, key, keyId, secretId), used under more than one
//     resource is prefixed with each resource:
//     /applications/{id}/secrets/{name} means secretName,
//     /users/{userId}/personal-access-tokens/{name} personalAccessTokenName.
//
// A variable's value is the first the document gives one of its parameters:
// the parameter's example, else its schema's example, default, const or first
// enum value; else it is empty, for the user to fill in.
//
// Query parameters and headers: required ones are marked required, others
// optional (written present but not sent); both carry an example value and their
// description. Authorization, Accept and Content-Type header parameters are
// left out (OpenAPI ignores them, and auth is the collection's business), as
// are cookie parameters.
//
// Example values, for bodies and parameters alike, take the first of: the
// document's example or examples, the schema's default, its const, its first
// enum value, a fixed value by format (email user@example.com, uri
// https://example.com, uuid 123e4567-e89b-12d3-a456-426614174000, date-time
// 2024-01-01T00:00:00Z, date 2024-01-01, ...), then a fixed value by type:
// "example" for strings (or the first of a few fixed strings that meets the
// pattern and length), 0 (or the minimum) for numbers, false, an array of one
// element, an object. A value the schema gives that breaks the schema is not
// taken. Objects hold their required properties and the optional ones that
// carry an example or a default, in the order the document lists them;
// read-only properties are left out. allOf members are merged; of oneOf and
// anyOf, the first member (not only null) whose value makes the whole schema
// fit is taken, else the first. Recursion stops at a schema that is already
// being expanded and at a fixed depth, and a body is capped in size.
//
// A JSON body is checked against its schema as a validating server would
// (conformer): an example of the document's that breaks it is replaced by one
// built from the schema, and the description says so; when the built one
// breaks it too, Request.Unsatisfiable says how, and a run does not send it.
//
// Servers: the first server's URL, with bracket placeholders such as
// [tenant_id] and {variables} filled in, and no trailing slash. Options.Tenant
// fills the placeholders of the first host label; other variables take their
// default or first enum value. When a placeholder cannot be filled, or the
// result is not an absolute http(s) URL, ServerURL is empty rather than
// broken. A relative OAuth 2.0 client credentials tokenUrl is resolved against
// the server's origin, and is empty when there is no server to resolve it on.
//
// Security: a request is public (it needs no auth) when its effective
// security, the operation's or else the document's, is declared and lists no
// scheme: security: [] or security: [{}]. Security that is not declared at all
// does not make a request public. The scopes an operation's security names are
// added to its description ("Scope: all"); when it names none, an x-scope
// extension (Kinde writes one) is used instead.
//
// Answers, for contract tests: each request lists the responses its operation
// documents (Request.Responses), codes first, then ranges (2XX), then default,
// with their media types, and for a JSON one (application/json, or a type ending
// +json) with a schema, the name of that schema in Document.Schemas. The schemas
// are JSON Schema draft-07, written once each: a component schema under its
// name, a schema written inline in an answer under the operation and status
// ("get-api-applications-200"), shared by answers whose schemas are the same.
// They keep only what says what a value may be; answerschema.go gives the rules
// (nullable, oneOf read as anyOf, formats and some patterns not checked). The
// answers are read from the document's text while the library builds the model
// of the rest, so that it never builds them; Options.NoContracts skips them.
//
// The checks over the real documents (Logto, Kinde, Okta, FusionAuth, Ory Hydra
// in OpenAPI 3.0 and Swagger 2.0, Clerk, Twilio, PingOne, Keycloak) run with
//
//	go test -tags realdocs -run RealDocs ./internal/openapi/
//
// reading them from $GEN_POSTMAN_OPENAPI_DIR, by default ../shared/openapi
// beside the repository.
package openapi
