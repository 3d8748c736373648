package postman

import "strings"

// AppliedRequest is a request of a collection with the auth the Postman app sends it with.
type AppliedRequest struct {
	// Path is the names of the folders that hold the request, outermost first, then the
	// request's own name.
	Path []string
	// Request is the request itself; never nil.
	Request *Request
	// Auth is the auth that applies: the request's own, else its nearest folder's, else the
	// collection's, where an absent auth and type inherit mean the parent's. Nil when none
	// applies: noauth on the way, or no auth anywhere.
	Auth *Auth
	// AuthFrom is the path of the folder or request that set Auth; nil for the collection.
	AuthFrom []string
}

// Name is the request's path as one string: "Folder/Request".
func (r AppliedRequest) Name() string { return strings.Join(r.Path, "/") }

// AppliedRequests lists every request of the collection in the order the app runs them, each
// with the auth the app applies to it. An auth or request that cannot be read counts as
// absent; [ReadCollection] refuses a file that has one.
func (c *Collection) AppliedRequests() []AppliedRequest {
	var out []AppliedRequest
	auth, _ := c.Auth()
	walkItems(c.items, nil, authScope{auth: ownAuth(auth)}, &out)
	return out
}

// authScope is the auth in force at a level of the collection and where it was set.
type authScope struct {
	auth *Auth
	from []string
}

// inherits reports whether an auth block defers to its parent: absent, without a type, or of
// type inherit.
func inherits(a *Auth) bool {
	return a == nil || a.Type == "" || string(a.Type) == AuthTypeInherit
}

// ownAuth is the auth a level sets for itself: nil for noauth.
func ownAuth(a *Auth) *Auth {
	if a == nil || string(a.Type) == AuthTypeNoAuth || string(a.Type) == AuthTypeInherit || a.Type == "" {
		return nil
	}
	return a
}

func walkItems(items []*Node, path []string, parent authScope, out *[]AppliedRequest) {
	for _, n := range items {
		here := append(append([]string(nil), path...), n.Name())
		if n.IsFolder() {
			scope := parent
			if auth, _ := n.Auth(); !inherits(auth) {
				scope = authScope{auth: ownAuth(auth), from: here}
			}
			walkItems(n.items, here, scope, out)
			continue
		}
		req, _ := n.Request()
		if req == nil {
			continue
		}
		scope := parent
		if !inherits(req.Auth) {
			scope = authScope{auth: ownAuth(req.Auth), from: here}
		}
		*out = append(*out, AppliedRequest{Path: here, Request: req, Auth: scope.auth, AuthFrom: scope.from})
	}
}
