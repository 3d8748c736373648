package apimodel

import "testing"

func TestTextSize(t *testing.T) {
	folders := []Folder{{Name: "ab", Description: "c", Requests: []Request{{
		Name: "d", Method: "GET", Path: "/e/{f}", Body: "{}", ContentType: "g", Description: "hi",
		PathParams: []PathParam{{Name: "f", Variable: "jj", Description: "k"}},
		Query:      []Param{{Name: "l", Value: "m", Description: "n"}},
		Headers:    []Param{{Name: "o", Value: "p", Description: "qq"}},
	}, {
		Name: "r", Method: "POST", Path: "/s", ContentType: "t", BodyKind: BodyMultipart,
		Fields: []FormField{{Name: "u", Value: "vv", Description: "w"}, {Name: "x", File: true}},
	}}}}
	// 2+1 + 1+3+6+2+1+2 + 1+2+1 + 1+1+1 + 1+1+2 + 1+4+2+1+9 + 1+2+1 + 1
	if got, want := TextSize(folders), 51; got != want {
		t.Errorf("TextSize = %d, want %d", got, want)
	}
}
