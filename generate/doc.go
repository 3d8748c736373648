// Package generate builds a Postman v2.1.0 collection and environment from a
// [profile.Profile]: collection-level OAuth 2.0 client credentials auth, the pre-request script
// that fetches the token in Newman, variables, and the profile's ready requests, rendered from
// the neutral request model in Postman's syntax (:name path variables, {{variable}} values).
//
// The package serves the gen-postman command: it takes an internal/profile.Profile, which only
// this module can build.
package generate
