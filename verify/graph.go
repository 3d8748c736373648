package verify

import (
	"slices"

	"github.com/golang-jwt/jwt/v5"
)

// graphAudiences are how Microsoft Entra ID names Microsoft Graph in aud.
var graphAudiences = []string{"https://graph.microsoft.com", "https://graph.microsoft.com/", msGraphAppID}

// microsoftGraphToken reports whether a token is one Microsoft Entra ID issued for Microsoft
// Graph: its header carries a nonce and its aud is Graph. Such a token is signed over the
// nonce's hash, which Graph alone knows how to check: Microsoft documents that it cannot be
// validated by signature anywhere else. Tokens for other APIs, even from the same tenant,
// are checked as usual.
func microsoftGraphToken(header map[string]any, claims jwt.MapClaims) bool {
	if _, ok := header["nonce"]; !ok {
		return false
	}
	aud, err := claims.GetAudience()
	if err != nil {
		return false
	}
	for _, a := range aud {
		if slices.Contains(graphAudiences, a) {
			return true
		}
	}
	return false
}

// graphSignature is the signature check of a Microsoft Graph token: a warning that says why
// it is not checked, never a pass and never a failure.
func graphSignature(alg string) Check {
	return warn(CheckSignature, "not checked: a Microsoft Graph token (its header has a nonce) is signed so that only Graph "+
		"can check it, and Microsoft documents that it cannot be validated elsewhere; the claims below were read, not proven (alg %s)", alg)
}

// graphHint says what the Graph verdict means for the user.
const graphHint = "Microsoft Graph checks its own tokens: a call to Graph with --call proves this one. " +
	"Tokens Entra ID issues for your own APIs (scope api://APP_ID/.default) carry no nonce and are verified by signature."
