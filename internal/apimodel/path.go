package apimodel

import "strings"

// Occurrence is one {name} of a path template, as [RewritePath] visits it.
type Occurrence struct {
	// Segments are the path's segments, split on "/", and Segment the index of the one that
	// holds the occurrence.
	Segments []string
	Segment  int
	// Name is what stands between the braces.
	Name string
	// Whole is true when the occurrence is its segment: /users/{id}, not /files/{name}.json.
	Whole bool
}

// RewritePath returns path with each {name} replaced by what replace returns for it, visiting
// the occurrences in order. A segment that holds a brace without being exactly one {name} has
// each {name} in it replaced in place.
func RewritePath(path string, replace func(Occurrence) string) string {
	segments := strings.Split(path, "/")
	out := make([]string, len(segments))
	for i, seg := range segments {
		out[i] = seg
		if !strings.Contains(seg, "{") {
			continue
		}
		if name, ok := wholeParam(seg); ok {
			out[i] = replace(Occurrence{Segments: segments, Segment: i, Name: name, Whole: true})
			continue
		}
		out[i] = replaceParams(seg, func(name string) string {
			return replace(Occurrence{Segments: segments, Segment: i, Name: name})
		})
	}
	return strings.Join(out, "/")
}

// wholeParam reports whether a segment is exactly one {name}.
func wholeParam(seg string) (string, bool) {
	if len(seg) > 2 && seg[0] == '{' && seg[len(seg)-1] == '}' && strings.Count(seg, "{") == 1 && strings.Count(seg, "}") == 1 {
		return seg[1 : len(seg)-1], true
	}
	return "", false
}

// replaceParams replaces each {name} of a segment.
func replaceParams(seg string, f func(string) string) string {
	var sb strings.Builder
	for {
		i := strings.IndexByte(seg, '{')
		j := strings.IndexByte(seg[max(i, 0):], '}')
		if i < 0 || j < 0 {
			sb.WriteString(seg)
			return sb.String()
		}
		j += i
		sb.WriteString(seg[:i])
		sb.WriteString(f(seg[i+1 : j]))
		seg = seg[j+1:]
	}
}
