package openapi

import (
	"fmt"

	"github.com/pb33f/libopenapi/datamodel"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// loadSwagger2 reads a Swagger 2.0 document.
func loadSwagger2(info *datamodel.SpecInfo) (*v3.Document, []string, error) {
	return nil, nil, fmt.Errorf("reading swagger %q: %w", info.Version, ErrUnsupportedVersion)
}
