package generate

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/profile"
)

func TestRender(t *testing.T) {
	envOpts := &EnvironmentOptions{Now: func() time.Time { return exportedAt }, ExportedUsing: "gen-postman/test"}
	tests := []struct {
		name        string
		secret      string
		env         *EnvironmentOptions
		wantEnv     bool
		wantMode    uint32
		wantDropped bool
	}{
		{name: "collection alone", secret: "", env: nil},
		{name: "collection alone drops the secret", secret: "the-secret", env: nil, wantDropped: true},
		{name: "environment without a secret", secret: "", env: envOpts, wantEnv: true, wantMode: 0o644},
		{name: "environment with the secret", secret: "the-secret", env: envOpts, wantEnv: true, wantMode: 0o600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := resolve(t, profile.Options{Tenant: "acme", ClientID: "app", ClientSecret: tt.secret})
			files, err := Render(p, tt.env)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if want := encodeCollection(t, p); !bytes.Equal(files.Collection, want) {
				t.Errorf("Render's collection differs from Build's")
			}
			if tt.secret != "" && bytes.Contains(files.Collection, []byte(tt.secret)) {
				t.Errorf("the collection holds the client secret")
			}
			if files.SecretDropped != tt.wantDropped {
				t.Errorf("SecretDropped = %v, want %v", files.SecretDropped, tt.wantDropped)
			}
			if !tt.wantEnv {
				if files.Environment != nil || files.EnvironmentMode != 0 {
					t.Errorf("an environment was rendered without being asked for")
				}
				return
			}
			if want := encodeEnvironment(t, p); !bytes.Equal(files.Environment, want) {
				t.Errorf("Render's environment differs from NewEnvironment's")
			}
			if uint32(files.EnvironmentMode) != tt.wantMode {
				t.Errorf("EnvironmentMode = %o, want %o", files.EnvironmentMode, tt.wantMode)
			}
			if tt.secret != "" && !strings.Contains(string(files.Environment), tt.secret) {
				t.Errorf("the environment lacks the client secret")
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	c, e := FileNames("logto-acme")
	if c != "logto-acme.postman_collection.json" || e != "logto-acme.postman_environment.json" {
		t.Errorf("FileNames = %q, %q", c, e)
	}
}
