package generate

import (
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// setting is one named value of the token request, shared by collection and environment.
type setting struct {
	key, value, description string
}

// settings lists the token request's variables in a stable order. The client secret's value is
// left empty; callers that may hold it fill it in.
func settings(p *profile.Profile) []setting {
	s := []setting{
		{postman.VarBaseURL, p.BaseURL, "Base URL of the API the requests call."},
		{postman.VarTokenURL, p.TokenURL, "OAuth 2.0 token endpoint."},
		{postman.VarClientID, p.ClientID, "The machine-to-machine app's client id."},
		{postman.VarClientSecret, "", "The app's secret: set it in an environment (type secret) or with newman --env-var, never here."},
	}
	if p.ClientAuth.Signed() {
		s[len(s)-1] = setting{postman.VarPrivateKey, "", "The app's private key as a JWK, which signs its client assertions (private_key_jwt): set it in an environment (type secret), never here."}
		s = append(s, setting{postman.VarKeyID, p.KeyID, "The kid of the client assertions: the key's id as the server knows it."})
	}
	if p.DPoP {
		s = append(s, setting{postman.VarDPoPKey, "", "The DPoP proof key (EC P-256) as a JWK: set it in an environment (type secret), never here."})
	}
	s = append(s, setting{postman.VarScope, p.Scope, "Space-separated scopes to request."})
	for _, param := range p.Params {
		s = append(s, setting{param.Name, param.Value, "Sent as " + param.Name + " in the token request: the API the token is for."})
	}
	if p.Issuer != "" {
		s = append(s, setting{postman.VarIssuer, p.Issuer, "Expected iss of the token, for gen-postman verify."})
	}
	if p.JWKSURL != "" {
		s = append(s, setting{postman.VarJWKSURL, p.JWKSURL, "Where the issuer publishes its signing keys, for gen-postman verify."})
	}
	if p.IntrospectionURL != "" {
		s = append(s, setting{postman.VarIntrospectionURL, p.IntrospectionURL, "The RFC 7662 introspection endpoint where gen-postman verify proves an opaque token."})
	}
	return s
}

func collectionVariables(p *profile.Profile, rename map[string]string) []postman.Variable {
	var vars []postman.Variable
	for _, s := range settings(p) {
		vars = append(vars, postman.Variable{Key: s.key, Value: s.value, Type: "string", Description: s.description})
	}
	for _, v := range p.Variables {
		description := "Used by the requests' path variables: set it once for all of them."
		if v.Description != "" {
			description = v.Description
		}
		// The document's example stands in a path: its braces are percent-encoded, so the API
		// gets the text the document wrote and Postman never expands it.
		vars = append(vars, postman.Variable{Key: variableName(rename, v.Name), Value: inertURLPart(v.Value), Type: "string", Description: description})
	}
	if p.DPoP {
		vars = append(vars,
			postman.Variable{Key: postman.VarDPoPNonce, Type: "string", Description: "Set by the pre-request script: the token endpoint's last DPoP-Nonce."})
	}
	return append(vars,
		postman.Variable{Key: postman.VarAccessToken, Type: "string", Description: "Set by the pre-request script; do not put it in an environment."},
		postman.Variable{Key: postman.VarRenewAt, Type: "string", Description: "Set by the pre-request script: when to get a new token, in ms since 1970."},
		postman.Variable{Key: postman.VarAccessTokenFor, Type: "string", Description: "Set by the pre-request script: the settings accessToken was issued for."},
		postman.Variable{Key: postman.VarTokenError, Type: "string", Description: "Set by the pre-request script: why no token could be had; the collection's test fails the request with it."},
		postman.Variable{Key: postman.VarPathError, Type: "string", Description: "Set by the pre-request script: the path variables a request would send empty; such a request is not sent, and a test fails the run naming them."},
		postman.Variable{Key: postman.VarCreatedIDs, Type: "string", Description: "Set by the collection's test: the ids this collection's runs created, by variable. A PUT, PATCH or DELETE, or a POST under an id, is sent only when the first id of its path is one of them: what the rest of its path names lies inside what the run created."},
		postman.Variable{Key: postman.VarChangeExisting, Value: changeExisting(p), Type: "string", Description: "true lets a PUT, PATCH or DELETE, or a POST under an id, change what no request of the run created; false skips it."},
		postman.Variable{Key: postman.VarDPoPIgnored, Type: "string", Description: "Set by the pre-request script, with DPoP, when the server ignored it and issued a Bearer token; the collection's test then fails every request with it."},
		postman.Variable{Key: postman.VarTokenRefused, Type: "string", Description: "Set by the collection's test when the API refused the token (401): the next request gets a new one, once."},
		postman.Variable{Key: postman.VarTokenRefusal, Type: "string", Description: "Set by the pre-request script when the token endpoint refused the token request (HTTP 400, 401 or 403): for 10 s the requests with the same settings are not sent and no token is asked for."},
	)
}

// credentialVariable names the variable of the client's credential: its private key with
// private_key_jwt, else its secret.
func credentialVariable(p *profile.Profile) string {
	if p.ClientAuth.Signed() {
		return postman.VarPrivateKey
	}
	return postman.VarClientSecret
}

// changeExisting is the initial value of the changeExisting variable.
func changeExisting(p *profile.Profile) string {
	if p.ChangeExisting {
		return "true"
	}
	return "false"
}
