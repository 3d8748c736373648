// Package templates holds the embedded provider presets and Postman scripts, and resolves a
// preset and the user's options into a [Profile]: the one description of an OAuth 2.0 client
// credentials token request (RFC 6749 §4.4) that package generate writes into a collection and
// package verify sends.
package templates
