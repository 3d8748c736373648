package openapi

import (
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/orderedmap"
)

// pathItem is one path of the document and its operations.
type pathItem struct {
	path string
	item *v3.PathItem
}

// takePathItems lists the document's path items in document order and removes them from the
// model, high and low alike, so that the list holds the only reference to each: once a caller
// drops an item, the schemas the library built and cached for its operations can be
// collected, where a model that keeps them would hold every operation's schemas until the last
// is converted.
func takePathItems(m *v3.Document) []pathItem {
	if m.Paths == nil || m.Paths.PathItems == nil {
		return nil
	}
	var out []pathItem
	for path, item := range m.Paths.PathItems.FromOldest() {
		if item != nil {
			out = append(out, pathItem{path: path, item: item})
		}
	}
	m.Paths.PathItems = orderedmap.New[string, *v3.PathItem]()
	if low := m.Paths.GoLow(); low != nil {
		low.PathItems = nil
	}
	return out
}
