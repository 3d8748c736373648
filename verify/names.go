package verify

import "github.com/gen-postman/gen-postman/internal/setting"

// NamesBy are the names hints give each setting: name(key) says how the user changes the
// setting of that key (a command line its flag, from the settings declaration), or "" for the
// setting's description; given(key) says whether the user gave it. The server's location is
// its tenant or its endpoint.
func NamesBy(name func(setting.Key) string, given func(setting.Key) bool) Names {
	n := Names{Given: map[string]bool{}}
	for _, f := range []struct {
		dst *string
		key setting.Key
	}{
		{&n.TokenURL, setting.TokenURL}, {&n.Resource, setting.Resource}, {&n.Audience, setting.Audience},
		{&n.Scope, setting.Scope}, {&n.ClientAuth, setting.ClientAuth}, {&n.Issuer, setting.Issuer},
		{&n.JWKSURL, setting.JWKSURL}, {&n.Introspection, setting.IntrospectionURL}, {&n.Timeout, setting.Timeout},
		{&n.Call, setting.Call}, {&n.BaseURL, setting.BaseURL}, {&n.KeyID, setting.KeyID},
	} {
		*f.dst = name(f.key)
		if *f.dst != "" && given(f.key) {
			n.Given[*f.dst] = true
		}
	}
	if tenant, endpoint := name(setting.Tenant), name(setting.Endpoint); tenant != "" && endpoint != "" {
		n.Location = tenant + " or " + endpoint
	}
	return n
}
