// Package templates holds what gen-postman fills in: the embedded provider presets (endpoints,
// API identifiers, default scope and client authentication, ready requests, and the provider's
// hints and guide), and the Postman scripts that get the token in the app and in Newman. Adding
// a provider is adding a file under providers/.
package templates
