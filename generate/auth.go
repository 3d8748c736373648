package generate

import (
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// oauth2Auth fills every field the Postman app's "Get New Access Token" form needs, each value
// from a variable so that the form works without the pre-request script. The form cannot sign
// an assertion or a DPoP proof: with private_key_jwt it holds no secret and sends client_id in
// the body, and with DPoP the token goes with the header prefix DPoP, the script adding the
// request's proof.
func oauth2Auth(p *profile.Profile) *postman.Auth {
	clientAuth, prefix := string(p.ClientAuth), "Bearer"
	if p.ClientAuth.Signed() {
		clientAuth = string(profile.ClientAuthBody)
	}
	if p.DPoP {
		prefix = "DPoP"
	}
	str := func(key, value string) *postman.AuthParam {
		return &postman.AuthParam{Key: key, Value: value, Type: "string"}
	}
	params := []*postman.AuthParam{
		str(postman.AuthGrantType, postman.GrantClientCredentials),
		str(postman.AuthAccessTokenURL, postman.Ref(postman.VarTokenURL)),
		str(postman.AuthClientID, postman.Ref(postman.VarClientID)),
	}
	if !p.ClientAuth.Signed() {
		params = append(params, str(postman.AuthClientSecret, postman.Ref(postman.VarClientSecret)))
	}
	params = append(params,
		str(postman.AuthScope, postman.Ref(postman.VarScope)),
		str(postman.AuthClientAuthentication, clientAuth),
	)
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
		str(postman.AuthHeaderPrefix, prefix),
		&postman.AuthParam{Key: postman.AuthUseBrowser, Value: false, Type: "boolean"},
	)
	return &postman.Auth{Type: "oauth2", OAuth2: params}
}
