package openapi

import (
	"errors"
	"fmt"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/index"
	"github.com/pb33f/libopenapi/utils"
)

// danglingRefs returns the nodes of the $refs that the library could not resolve, from the
// errors it returned next to a low-level model, and whether any of them is one that makes
// libopenapi's BuildV3Model give up. Circular references are not among them.
func danglingRefs(err error) (nodes map[*yaml.Node]bool, fatal bool) {
	nodes = map[*yaml.Node]bool{}
	for _, e := range utils.UnwrapErrors(err) {
		var refErr *index.ResolvingError
		var idxErr *index.IndexingError
		switch {
		case errors.As(e, &refErr):
			if refErr.CircularReference == nil {
				fatal = true
				if refErr.Node != nil {
					nodes[refErr.Node] = true
				}
			}
		case errors.As(e, &idxErr):
			for _, n := range []*yaml.Node{idxErr.Node, idxErr.KeyNode} {
				if n != nil {
					nodes[n] = true
				}
			}
		}
	}
	return nodes, fatal
}

// dropRefs removes, from the mappings of the tree at root, each "$ref" entry whose key or
// value is one of nodes, so that the object that held it reads as an empty schema (or keeps
// only its other keys). It returns one warning per reference, in document order.
func dropRefs(root *yaml.Node, nodes map[*yaml.Node]bool) []string {
	var warnings []string
	count := map[string]int{}
	var order []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || n.Kind == yaml.AliasNode {
			return
		}
		if n.Kind == yaml.MappingNode {
			kept := n.Content[:0]
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && (nodes[k] || nodes[v] || nodes[n]) {
					if count[v.Value] == 0 {
						order = append(order, v.Value)
					}
					count[v.Value]++
					continue
				}
				kept = append(kept, k, v)
			}
			n.Content = kept
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	for _, ref := range order {
		where := "once"
		if n := count[ref]; n > 1 {
			where = fmt.Sprintf("%d times", n)
		}
		warnings = append(warnings, fmt.Sprintf("$ref %q, used %s, points at nothing in the document: read as an empty schema (any value)", ref, where))
	}
	return warnings
}
