package openapi

import "os"

// realDocsDir is where the real Logto and Kinde documents are read from by
// the benchmarks and the realdocs checks: $GEN_POSTMAN_OPENAPI_DIR, else
// ../shared/openapi beside the repository root.
func realDocsDir() string {
	if d := os.Getenv("GEN_POSTMAN_OPENAPI_DIR"); d != "" {
		return d
	}
	return "../../../shared/openapi"
}
