// Package profile turns what the user asked for (flags, a collection's auth, environment
// variables) into a [Profile]: the one validated description of an OAuth 2.0 client credentials
// token request (RFC 6749 §4.4) and the API it serves, which package generate writes into a
// collection and package verify sends. It also holds the rules every input passes: the one URL
// rule for where requests may go, and [InputError] for input that cannot be used.
package profile
