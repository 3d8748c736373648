package benchdoc

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// RealDocument reads one of the real documents a benchmark measures, from
// $GEN_POSTMAN_OPENAPI_DIR, else ../shared/openapi beside the repository (root is the repository
// root as seen from the benchmark's package, such as "../.."). Where the document is not there,
// the benchmark is skipped and says where to put it.
func RealDocument(tb testing.TB, root, name string) []byte {
	tb.Helper()
	dir := os.Getenv("GEN_POSTMAN_OPENAPI_DIR")
	if dir == "" {
		dir = filepath.Join(root, "..", "shared", "openapi")
	}
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("%s is not there: set GEN_POSTMAN_OPENAPI_DIR to the folder holding the real OpenAPI documents", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
