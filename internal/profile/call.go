package profile

// Call is a request of a collection that verify can make with the token.
type Call struct {
	// Name is the request's place in the collection: "Folder/Request".
	Name string
	// Method is GET or HEAD.
	Method string
	// URL is the request's URL with its variables resolved. It is not validated: the caller
	// applies the run's network.URLPolicy before sending anything.
	URL string
	// Problem, when set, says why no request can be called, and the other fields are empty.
	Problem string
}

// ResolveCollection resolves opts, read from a collection, into a profile whose bare --call is
// call, the collection's own request, rather than the preset's ready requests. A nil call
// means that no request of the collection uses its OAuth 2.0 auth.
func ResolveCollection(opts Options, call *Call) (*Profile, error) {
	p, err := Resolve(opts)
	if err != nil {
		return nil, err
	}
	p.Folders = nil
	p.Call = call
	if p.Call == nil {
		p.Call = &Call{Problem: "the collection has no request that uses this OAuth 2.0 auth"}
	}
	return p, nil
}
