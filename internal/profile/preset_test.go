package profile

import (
	"net/url"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/templates"
)

// TestEveryPresetResolves renders each embedded preset the way a user would call it, so a
// broken provider file fails here.
func TestEveryPresetResolves(t *testing.T) {
	presets, err := templates.Presets()
	if err != nil {
		t.Fatal(err)
	}
	if len(presets) < 4 {
		t.Fatalf("found %d presets, want at least logto, kinde, auth0 and generic", len(presets))
	}
	for _, preset := range presets {
		t.Run(preset.Name, func(t *testing.T) {
			opts := Options{Provider: preset.Name, Tenant: "acme"}
			if preset.TenantBase == "" {
				opts = Options{Provider: preset.Name, TokenURL: "https://id.example.com/token", Audience: "https://api.example.com"}
			}
			p, err := Resolve(opts)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			for field, raw := range map[string]string{"TokenURL": p.TokenURL, "BaseURL": p.BaseURL} {
				if u, err := url.Parse(raw); err != nil || u.Scheme != "https" || u.Host == "" || strings.Contains(raw, "{") {
					t.Errorf("%s = %q, want an https URL with every placeholder filled", field, raw)
				}
			}
			if preset.Param != "" && (len(p.Params) == 0 || p.Params[0].Name != preset.Param) {
				t.Errorf("Params = %v, want the preset's %s first", p.Params, preset.Param)
			}
			requests := 0
			for _, f := range p.Folders {
				for _, r := range f.Requests {
					requests++
					if !strings.HasPrefix(r.Path, "/") || r.Method == "" || r.Name == "" {
						t.Errorf("folder %q: request %+v needs a name, a method and a path from /", f.Name, r)
					}
				}
			}
			if requests == 0 {
				t.Error("preset has no ready requests")
			}
		})
	}
}
