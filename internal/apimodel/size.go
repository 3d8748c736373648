package apimodel

// TextSize is how many bytes of text the folders' requests hold: names, paths, parameters,
// descriptions and bodies. What a writer makes of them grows with it, so a reader can refuse an
// API description whose requests would make an output too large to write or import, however
// small the description itself (one long text referenced by every operation).
func TextSize(folders []Folder) int {
	n := 0
	for _, f := range folders {
		n += len(f.Name) + len(f.Description)
		for _, r := range f.Requests {
			n += len(r.Name) + len(r.Method) + len(r.Path) + len(r.Body) + len(r.ContentType) + len(r.Description)
			for _, p := range r.PathParams {
				n += len(p.Name) + len(p.Variable) + len(p.Description)
			}
			n += len(r.BodyKind)
			for _, f := range r.Fields {
				n += len(f.Name) + len(f.Value) + len(f.Description)
			}
			for _, list := range [][]Param{r.Query, r.Headers} {
				for _, p := range list {
					n += len(p.Name) + len(p.Value) + len(p.Description)
				}
			}
		}
	}
	return n
}
