package verify

import (
	"net/url"
	"slices"
	"strings"

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

// microsoftV1Issuer is the issuer Microsoft Entra ID writes in v1.0 tokens (Microsoft Graph's
// among them) for the tenant whose v2.0 issuer is issuer, https://login.microsoftonline.com/ID/v2.0;
// empty for any other issuer. A collection names one issuer, the v2.0 one, and a token of either
// version is the tenant's.
func microsoftV1Issuer(issuer string) string {
	u, err := url.Parse(issuer)
	if err != nil || u.Scheme != "https" || u.Host != "login.microsoftonline.com" {
		return ""
	}
	tenant, ok := strings.CutSuffix(strings.TrimPrefix(u.Path, "/"), "/v2.0")
	if !ok || tenant == "" || strings.Contains(tenant, "/") {
		return ""
	}
	return "https://sts.windows.net/" + tenant + "/"
}
