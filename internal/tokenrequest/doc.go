// Package tokenrequest reads the OAuth 2.0 client credentials token request a Postman
// collection makes: [Load] finds the oauth2 auth the app applies to a request, on the request,
// a folder or the collection, resolves its {{variables}} from an environment and the
// collection, and picks a request verify may call with the token.
package tokenrequest
