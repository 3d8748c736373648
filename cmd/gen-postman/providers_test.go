package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/gen-postman/gen-postman/internal/setting"
	"github.com/gen-postman/gen-postman/templates"
)

var (
	flagInSummary = regexp.MustCompile(`(?:^|[^-\w])--([a-z][a-z0-9-]*)`)
	// danglingWord ends a sentence cut short: "the client needs Service accounts roles on".
	danglingWord = regexp.MustCompile(`(?i)\b(a|an|the|and|or|of|on|in|to|for|with|by|as|needs)\.$`)
)

// TestProviderSummaries: every preset's summary is a whole sentence, and what it says agrees
// with the preset that providers shows under it: a flag it names is one generate takes and one
// the preset uses; a flag the preset needs is named; the API is named as the preset's rows say.
func TestProviderSummaries(t *testing.T) {
	presets, err := templates.Presets()
	if err != nil {
		t.Fatal(err)
	}
	if len(presets) < 8 {
		t.Fatalf("%d presets; want every provider's", len(presets))
	}
	var generateFlags []string
	for _, s := range setting.For(setting.Generate) {
		generateFlags = append(generateFlags, append([]string{string(s.Key)}, s.Aliases...)...)
	}
	for _, p := range presets {
		t.Run(p.Name, func(t *testing.T) {
			s := p.Summary
			first, _ := utf8First(s)
			if !unicode.IsUpper(first) || !strings.HasSuffix(s, ".") || danglingWord.MatchString(s) ||
				strings.Count(s, "(") != strings.Count(s, ")") {
				t.Errorf("summary %q is not a whole sentence: a capital first, a full stop last, nothing cut off", s)
			}
			var named []string
			for _, m := range flagInSummary.FindAllStringSubmatch(s, -1) {
				named = append(named, m[1])
				if !slices.Contains(generateFlags, m[1]) {
					t.Errorf("summary names --%s, which generate does not take", m[1])
				}
			}
			names := func(flag string) bool { return slices.Contains(named, flag) }
			endpointBased := p.TenantBase == "" && strings.Contains(p.TokenURL, "{base}")
			for _, c := range []struct {
				flag       string
				named, use bool
				why        string
			}{
				{"tenant", names("tenant"), p.TenantBase != "", "the preset has tenants"},
				{"realm", names("realm"), p.RealmHelp != "", "the preset's URLs hold a realm"},
				{"token-url", names("token-url"), p.TokenURL == "", "the preset has no token URL"},
			} {
				if c.named != c.use {
					t.Errorf("summary names --%s: %v; %s: %v", c.flag, c.named, c.why, c.use)
				}
			}
			if endpointBased && !names("endpoint") {
				t.Errorf("summary does not name --endpoint, which the preset needs")
			}
			if names("endpoint") && p.TenantBase == "" && !endpointBased {
				t.Errorf("summary names --endpoint, which the preset does not use")
			}
			if got, want := strings.Contains(s, "/.default"), p.ScopeNamesAPI != ""; got != want {
				t.Errorf("summary speaks of a scope API%s: %v; the preset reads a scope as naming the API: %v", p.ScopeNamesAPI, got, want)
			}
			if (names("resource") || names("audience")) && p.Param != "" {
				t.Errorf("summary says the API is named by --resource or --audience; the preset names it with %s", p.Param)
			}
			var api string
			for _, r := range providerRows(p) {
				if r.label == "API" || r.label == p.Param {
					api = r.value
				}
			}
			if api == "" {
				t.Fatalf("providers shows no row saying how the API is named")
			}
			for _, flag := range []string{"resource", "audience"} {
				if names(flag) && !strings.Contains(api, "--"+flag) {
					t.Errorf("summary names --%s for the API, and the API row says otherwise: %q", flag, api)
				}
			}
			if p.ScopeNamesAPI != "" && !strings.Contains(api, "API"+p.ScopeNamesAPI) {
				t.Errorf("the API row %q does not say the scope may name the API as API%s", api, p.ScopeNamesAPI)
			}
		})
	}
}

func utf8First(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}
