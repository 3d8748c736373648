package generate

import (
	postman "github.com/rbretecher/go-postman-collection"

	"github.com/gen-postman/gen-postman/templates"
)

// tokenRequestParam is one entry of the oauth2 auth's tokenRequestParams, the form the Postman
// app has written since 10.13 for resource and audience.
type tokenRequestParam struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Enabled bool   `json:"enabled"`
	SendAs  string `json:"send_as"`
}

// oauth2Auth fills every field the Postman app's "Get New Access Token" form needs, each value
// from a variable so that the form works without the pre-request script.
func oauth2Auth(p *templates.Profile) *postman.Auth {
	str := func(key, value string) *postman.AuthParam {
		return &postman.AuthParam{Key: key, Value: value, Type: "string"}
	}
	params := []*postman.AuthParam{
		str("grant_type", "client_credentials"),
		str("accessTokenUrl", "{{tokenUrl}}"),
		str("clientId", "{{clientId}}"),
		str("clientSecret", "{{clientSecret}}"),
		str("scope", "{{scope}}"),
		str("client_authentication", string(p.ClientAuth)),
	}
	if len(p.Params) > 0 {
		extra := make([]tokenRequestParam, 0, len(p.Params))
		for _, param := range p.Params {
			extra = append(extra, tokenRequestParam{
				Key: param.Name, Value: "{{" + param.Name + "}}", Enabled: true, SendAs: "request_body",
			})
		}
		// Typed "any": with "string", Postman's SDK turns the array into "[object Object]".
		params = append(params, &postman.AuthParam{Key: "tokenRequestParams", Value: extra, Type: "any"})
	}
	params = append(params,
		str("tokenName", p.Name+" token"),
		str("accessToken", "{{accessToken}}"),
		str("addTokenTo", "header"),
		str("headerPrefix", "Bearer"),
		&postman.AuthParam{Key: "useBrowser", Value: false, Type: "boolean"},
	)
	return &postman.Auth{Type: postman.Oauth2, OAuth2: params}
}
