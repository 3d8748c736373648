package generate

import (
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// oauth2Auth fills every field the Postman app's "Get New Access Token" form needs, each value
// from a variable so that the form works without the pre-request script.
func oauth2Auth(p *profile.Profile) *postman.Auth {
	str := func(key, value string) *postman.AuthParam {
		return &postman.AuthParam{Key: key, Value: value, Type: "string"}
	}
	params := []*postman.AuthParam{
		str(postman.AuthGrantType, postman.GrantClientCredentials),
		str(postman.AuthAccessTokenURL, postman.Ref(postman.VarTokenURL)),
		str(postman.AuthClientID, postman.Ref(postman.VarClientID)),
		str(postman.AuthClientSecret, postman.Ref(postman.VarClientSecret)),
		str(postman.AuthScope, postman.Ref(postman.VarScope)),
		str(postman.AuthClientAuthentication, string(p.ClientAuth)),
	}
	if len(p.Params) > 0 {
		extra := make([]postman.TokenRequestParam, 0, len(p.Params))
		for _, param := range p.Params {
			extra = append(extra, postman.TokenRequestParam{
				Key: param.Name, Value: postman.Ref(param.Name), Enabled: true, SendAs: postman.SendAsBody,
			})
		}
		// Typed "any": with "string", Postman's SDK turns the array into "[object Object]".
		params = append(params, &postman.AuthParam{Key: postman.AuthTokenRequestParams, Value: extra, Type: "any"})
	}
	params = append(params,
		str(postman.AuthTokenName, p.Name+" token"),
		str(postman.AuthAccessToken, postman.Ref(postman.VarAccessToken)),
		str(postman.AuthAddTokenTo, "header"),
		str(postman.AuthHeaderPrefix, "Bearer"),
		&postman.AuthParam{Key: postman.AuthUseBrowser, Value: false, Type: "boolean"},
	)
	return &postman.Auth{Type: "oauth2", OAuth2: params}
}
