package templates

import (
	"strings"
	"testing"
)

func TestLoadPresetIsStrict(t *testing.T) {
	if _, err := LoadPreset("logto"); err != nil {
		t.Fatalf("LoadPreset(logto): %v", err)
	}
	for _, name := range []string{"", "LOGTO", "providers/logto", "logto.json", "missing"} {
		if _, err := LoadPreset(name); err == nil {
			t.Errorf("LoadPreset(%q) succeeded, want an error", name)
		}
	}
}

func TestEveryProviderLinksItsGuide(t *testing.T) {
	presets, err := Presets()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range presets {
		if p.Name != "generic" && !strings.HasPrefix(p.Docs, "https://") {
			t.Errorf("preset %s: docs = %q, want a link to the provider's guide", p.Name, p.Docs)
		}
	}
}

// TestPresetsNameTheirOpenAPIDocuments holds where each provider publishes its own API's
// OpenAPI document: Logto's Management API document on the tenant's or endpoint's own server,
// Kinde's in its published JavaScript SDK's repository, none for Auth0 (its document is not
// published for download), Zitadel (generated at build time), Keycloak, Entra ID and Okta (no
// address of theirs checked here) or a generic server.
func TestPresetsNameTheirOpenAPIDocuments(t *testing.T) {
	want := map[string]string{
		"logto":    "{base}/api/.well-known/management.openapi.json",
		"kinde":    "https://raw.githubusercontent.com/kinde-oss/management-api-js/main/spec/kinde-mgmt-api-specs.yaml",
		"auth0":    "",
		"keycloak": "",
		"zitadel":  "",
		"entra":    "",
		"okta":     "",
		"generic":  "",
	}
	presets, err := Presets()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range presets {
		w, ok := want[p.Name]
		if !ok {
			t.Errorf("preset %s: no expected OpenAPI document in this test", p.Name)
			continue
		}
		if p.OpenAPI != w {
			t.Errorf("preset %s: openapi = %q, want %q", p.Name, p.OpenAPI, w)
		}
	}
}
