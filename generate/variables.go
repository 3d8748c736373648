package generate

import "github.com/gen-postman/gen-postman/templates"

// Variable is a collection variable.
type Variable struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
}

// Variables the pre-request script keeps the token in. accessToken must never be set in an
// environment: its value there would shadow the one the script sets.
const (
	varAccessToken   = "accessToken"
	varRenewAt       = "accessTokenRenewAt"
	varAccessTokenOf = "accessTokenFor"
	varClientSecret  = "clientSecret"
)

// setting is one named value of the token request, shared by collection and environment.
type setting struct {
	key, value, description string
}

// settings lists the token request's variables in a stable order. The client secret's value is
// left empty; callers that may hold it fill it in.
func settings(p *templates.Profile) []setting {
	s := []setting{
		{"baseUrl", p.BaseURL, "Base URL of the API the requests call."},
		{"tokenUrl", p.TokenURL, "OAuth 2.0 token endpoint."},
		{"clientId", p.ClientID, "The machine-to-machine app's client id."},
		{varClientSecret, "", "The app's secret: set it in an environment (type secret) or with newman --env-var, never here."},
		{"scope", p.Scope, "Space-separated scopes to request."},
	}
	for _, param := range p.Params {
		s = append(s, setting{param.Name, param.Value, "Sent as " + param.Name + " in the token request: the API the token is for."})
	}
	if p.Issuer != "" {
		s = append(s, setting{"issuer", p.Issuer, "Expected iss of the token, for gen-postman verify."})
	}
	if p.JWKSURL != "" {
		s = append(s, setting{"jwksUrl", p.JWKSURL, "Where the issuer publishes its signing keys, for gen-postman verify."})
	}
	return s
}

func collectionVariables(p *templates.Profile) []Variable {
	var vars []Variable
	for _, s := range settings(p) {
		vars = append(vars, Variable{Key: s.key, Value: s.value, Type: "string", Description: s.description})
	}
	return append(vars,
		Variable{Key: varAccessToken, Type: "string", Description: "Set by the pre-request script; do not put it in an environment."},
		Variable{Key: varRenewAt, Type: "string", Description: "Set by the pre-request script: when to get a new token, in ms since 1970."},
		Variable{Key: varAccessTokenOf, Type: "string", Description: "Set by the pre-request script: the settings accessToken was issued for."},
	)
}
