// Package apimodel is gen-postman's neutral model of an API: its requests, grouped in folders,
// with their parameters, bodies and example values, and the locations the API names (base URL,
// token URL, scopes). It holds no output syntax: an API description (an OpenAPI document, a
// provider preset) fills it, and each writer renders its own, as the Postman writer turns a
// path parameter into :name and a variable into {{name}}.
package apimodel
