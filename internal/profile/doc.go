// Package profile turns what the user asked for (flags, environment variables, and the token
// request settings read from a collection) into a [Profile]: the one validated description of
// an OAuth 2.0 client credentials token request (RFC 6749 §4.4) and the API it serves, which
// package generate writes into a collection and package verify sends. [Merge] is the one rule by
// which the user's values override a file's; [Resolve] validates every value against the
// provider's preset. Input that cannot be used is an [*input.Error] naming the setting.
package profile
