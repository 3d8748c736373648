package verify

import "testing"

func TestMicrosoftV1Issuer(t *testing.T) {
	for issuer, want := range map[string]string{
		"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0": "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/",
		"https://login.microsoftonline.com/a/b/v2.0":                                  "",
		"https://login.microsoftonline.com//v2.0":                                     "",
		"http://login.microsoftonline.com/x/v2.0":                                     "",
		"https://login.microsoftonline.com.evil.example/x/v2.0":                       "",
		"https://id.example.com/x/v2.0":                                               "",
		"https://login.microsoftonline.com/x":                                         "",
	} {
		if got := microsoftV1Issuer(issuer); got != want {
			t.Errorf("microsoftV1Issuer(%q) = %q, want %q", issuer, got, want)
		}
	}
}
