// Package verify performs the OAuth 2.0 client credentials token request that a
// [profile.Profile] describes (RFC 6749 §4.4) and checks the access token it gets: its type,
// its JWT signature against the issuer's published keys, and its issuer, audience, lifetime,
// scopes, client and typ (RFC 9068). The result is a [Report] with one named [Check] each, printed
// whatever the outcome. Options that cannot work are errors callers test with errors.Is and
// errors.As: the sentinels of errors.go, and [*input.Error].
//
// verify names no provider and no flag of a command: provider advice comes from the profile's
// hints, and hints name settings the way [Options.Names] says. Claims are read as the servers
// write them, whoever they are: the client may be named by client_id, azp, or sub, either as
// the client id itself or as "ID@clients".
//
// The package serves the gen-postman command: its options take an internal/profile.Profile,
// which only this module can build.
package verify
