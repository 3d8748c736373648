package templates

import "testing"

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
