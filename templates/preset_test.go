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
