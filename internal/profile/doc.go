// Package profile turns what the user asked for (flags, environment variables, or the options
// a collection's auth gives) into a [Profile]: the one validated description of an OAuth 2.0
// client credentials token request (RFC 6749 §4.4) and the API it serves, which package
// generate writes into a collection and package verify sends. It also holds the rules every
// option passes.
package profile
