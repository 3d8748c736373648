package profile

import (
	"reflect"
	"testing"
)

func TestMerge(t *testing.T) {
	empty, read := "", "read"
	file := Options{
		Provider: "generic", TokenURL: "https://id.example.com/token", Resource: "https://api.example.com",
		Scope: &read, ClientAuth: "body", ClientID: "from-file", ClientSecret: "file-secret",
		Issuer: "https://id.example.com", JWKSURL: "https://id.example.com/jwks", Name: "file",
	}
	tests := []struct {
		name string
		over Options
		want func(o *Options)
	}{
		{"nothing set keeps the file", Options{}, func(*Options) {}},
		{"a flag replaces its field only", Options{ClientID: "flag-id"}, func(o *Options) { o.ClientID = "flag-id" }},
		{"an empty value never wipes", Options{ClientID: "", ClientSecret: ""}, func(*Options) {}},
		{"an explicit empty scope clears", Options{Scope: &empty}, func(o *Options) { o.Scope = &empty }},
		{"every field", Options{
			Provider: "logto", Tenant: "acme", Endpoint: "https://e.example", TokenURL: "https://t.example/token",
			Resource: "https://r.example", Audience: "aud", ClientAuth: "header", ClientID: "id", ClientSecret: "s",
			Issuer: "https://i.example", JWKSURL: "https://i.example/jwks", Name: "n",
		}, func(o *Options) {
			*o = Options{
				Provider: "logto", Tenant: "acme", Endpoint: "https://e.example", TokenURL: "https://t.example/token",
				Resource: "https://r.example", Audience: "aud", Scope: &read, ClientAuth: "header", ClientID: "id",
				ClientSecret: "s", Issuer: "https://i.example", JWKSURL: "https://i.example/jwks", Name: "n",
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := file
			tt.want(&want)
			if got := Merge(file, tt.over); !reflect.DeepEqual(got, want) {
				t.Errorf("Merge\n got  %+v\n want %+v", got, want)
			}
		})
	}
}
