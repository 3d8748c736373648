// Package clientkey reads the private key a client signs its token-request assertions with
// (private_key_jwt, RFC 7523) and gives it in the forms gen-postman needs: a signer for Go, a
// private JWK for the collection's script, and its RFC 7638 thumbprint.
package clientkey
