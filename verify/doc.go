// Package verify performs the OAuth 2.0 client credentials token request that a
// [profile.Profile] describes (RFC 6749 §4.4) and checks the access token it gets: its type,
// its JWT signature against the issuer's published keys, and its issuer, audience, lifetime,
// scopes, client and typ (RFC 9068). The result is a [Report] with one named [Check] each, printed
// whatever the outcome.
//
// It also reads the oauth2 auth of a Postman v2.1 collection with [LoadCollection], so that a
// collection that package generate wrote, or one made by hand, can be checked as it stands.
package verify
