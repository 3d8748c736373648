package openapi

import (
	"strings"

	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// security reports whether an operation is public and which scopes its
// security requirements name, in order and without repeats. The operation's
// security wins over the document's when it is declared at all.
func security(doc *v3.Document, op *v3.Operation) (public bool, scopes []string) {
	reqs, declared := op.Security, op.Security != nil
	if !declared {
		reqs, declared = doc.Security, docSecurityDeclared(doc)
	}
	if declared {
		public = true
		for _, r := range reqs {
			if !emptyRequirement(r) {
				public = false
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range reqs {
		if r == nil || r.Requirements == nil {
			continue
		}
		for _, list := range r.Requirements.FromOldest() {
			for _, s := range list {
				if s = strings.TrimSpace(s); s != "" && !seen[s] {
					seen[s] = true
					scopes = append(scopes, s)
				}
			}
		}
	}
	if len(scopes) == 0 && !public {
		if s := extensionString(op, "x-scope"); s != "" {
			scopes = []string{s}
		}
	}
	return public, scopes
}

// docSecurityDeclared reports whether the document declares a top-level
// security list, even an empty one (the high-level model drops "security: []").
func docSecurityDeclared(doc *v3.Document) bool {
	if len(doc.Security) > 0 {
		return true
	}
	low := doc.GoLow()
	return low != nil && low.Security.ValueNode != nil
}

// extensionString returns a string extension of an operation, or "".
func extensionString(op *v3.Operation, key string) string {
	if op.Extensions == nil {
		return ""
	}
	n, ok := op.Extensions.Get(key)
	if !ok || n == nil || n.Kind != yamlScalar {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// emptyRequirement reports whether a requirement names no scheme.
func emptyRequirement(r *base.SecurityRequirement) bool {
	return r == nil || r.Requirements == nil || r.Requirements.Len() == 0
}
