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
// with the auth the app applies to it.
func (c *Collection) AppliedRequests() []AppliedRequest {
	var out []AppliedRequest
	walkItems(c.Items, nil, authScope{auth: ownAuth(c.Auth)}, &out)
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

func walkItems(items []Items, path []string, parent authScope, out *[]AppliedRequest) {
	for _, item := range items {
		switch it := item.(type) {
		case *ItemGroup:
			here := append(append([]string(nil), path...), it.Name)
			scope := parent
			if !inherits(it.Auth) {
				scope = authScope{auth: ownAuth(it.Auth), from: here}
			}
			walkItems(it.Items, here, scope, out)
		case *Item:
			if it.Request == nil {
				continue
			}
			here := append(append([]string(nil), path...), it.Name)
			scope := parent
			if !inherits(it.Request.Auth) {
				scope = authScope{auth: ownAuth(it.Request.Auth), from: here}
			}
			*out = append(*out, AppliedRequest{Path: here, Request: it.Request, Auth: scope.auth, AuthFrom: scope.from})
		}
	}
}
