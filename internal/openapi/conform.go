package openapi

import (
	"encoding/json"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/datamodel/high/base"
)

// conformer checks example values against the schemas they are for, as a server that validates
// requests (Prism does) would: types, nullable, enum and const, required and additional
// properties, string patterns, lengths and the common formats, number bounds, array lengths,
// allOf, anyOf and oneOf (exactly one). A pattern is read as written, so one written between
// slashes, as JavaScript writes a regular expression, matches what it says literally; one Go
// cannot compile is not checked. It is not safe for concurrent use; each conversion has its own.
//
// It is written over libopenapi's schema model, which the converter already holds, rather than
// by rendering each schema to JSON Schema for a validator library: Okta's document has hundreds
// of bodies whose schemas render to megabytes of JSON.
type conformer struct {
	patterns map[string]*regexp.Regexp // nil for a pattern Go cannot compile
}

func newConformer() *conformer { return &conformer{patterns: map[string]*regexp.Regexp{}} }

// violation returns where and how v breaks the schema sp, as "body.email: does not match
// pattern ...", or "" when it conforms. Past maxDepth, what is left conforms.
func (c *conformer) violation(sp *base.SchemaProxy, v *value, at string, depth int) string {
	if sp == nil || v == nil || depth > maxDepth {
		return ""
	}
	s := sp.Schema()
	if s == nil {
		return ""
	}
	return c.schemaViolation(s, v, at, depth)
}

func (c *conformer) schemaViolation(s *base.Schema, v *value, at string, depth int) string {
	if v.kind == scalarValue && v.raw == "null" && (s.Nullable != nil && *s.Nullable || slices.Contains(s.Type, "null")) {
		return ""
	}
	if bad := c.typeViolation(s, v, at); bad != "" {
		return bad
	}
	if len(s.Enum) > 0 {
		found := false
		for _, e := range s.Enum {
			if e != nil && sameJSON(nodeValue(e), v) {
				found = true
				break
			}
		}
		if !found {
			return at + ": is not one of the enum values"
		}
	}
	if s.Const != nil && !sameJSON(nodeValue(s.Const), v) {
		return at + ": is not the const value"
	}
	for _, m := range s.AllOf {
		if bad := c.violation(m, v, at, depth+1); bad != "" {
			return bad
		}
	}
	if len(s.AnyOf) > 0 {
		first := ""
		for _, m := range s.AnyOf {
			bad := c.violation(m, v, at, depth+1)
			if bad == "" {
				first = ""
				break
			}
			if first == "" {
				first = bad
			}
		}
		if first != "" {
			return at + ": matches none of anyOf (" + first + ")"
		}
	}
	if len(s.OneOf) > 0 {
		matched, first := 0, ""
		for _, m := range s.OneOf {
			if bad := c.violation(m, v, at, depth+1); bad == "" {
				matched++
			} else if first == "" {
				first = bad
			}
		}
		switch {
		case matched == 0:
			return at + ": matches none of oneOf (" + first + ")"
		case matched > 1:
			return at + ": matches more than one of oneOf"
		}
	}
	switch v.kind {
	case objectValue:
		return c.objectViolation(s, v, at, depth)
	case arrayValue:
		return c.arrayViolation(s, v, at, depth)
	}
	return c.scalarViolation(s, v, at)
}

// typeViolation checks v against the schema's types.
func (c *conformer) typeViolation(s *base.Schema, v *value, at string) string {
	if len(s.Type) == 0 {
		return ""
	}
	got := jsonType(v)
	for _, t := range s.Type {
		if t == got || (t == "number" && got == "integer") {
			return ""
		}
		if t == "integer" && got == "number" {
			if f, err := strconv.ParseFloat(v.raw, 64); err == nil && f == math.Trunc(f) {
				return ""
			}
		}
	}
	return fmt.Sprintf("%s: is %s, not %s", at, got, strings.Join(s.Type, " or "))
}

// jsonType names the JSON type of v, integer for a number without a fraction or exponent.
func jsonType(v *value) string {
	switch v.kind {
	case objectValue:
		return "object"
	case arrayValue:
		return "array"
	}
	switch {
	case v.raw == "null":
		return "null"
	case v.raw == "true" || v.raw == "false":
		return "boolean"
	case strings.HasPrefix(v.raw, `"`):
		return "string"
	case strings.ContainsAny(v.raw, ".eE"):
		return "number"
	}
	return "integer"
}

func (c *conformer) objectViolation(s *base.Schema, v *value, at string, depth int) string {
	for _, r := range s.Required {
		if !slices.Contains(v.keys, r) && !readOnly(s, r) {
			return at + ": lacks the required property " + strconv.Quote(r)
		}
	}
	closed := s.AdditionalProperties != nil && s.AdditionalProperties.IsB() && !s.AdditionalProperties.B
	for i, k := range v.keys {
		var p *base.SchemaProxy
		if s.Properties != nil {
			p = s.Properties.GetOrZero(k)
		}
		switch {
		case p != nil:
			if bad := c.violation(p, v.elems[i], at+"."+k, depth+1); bad != "" {
				return bad
			}
		case closed:
			return at + ": has the property " + strconv.Quote(k) + ", which the schema does not allow"
		case s.AdditionalProperties != nil && s.AdditionalProperties.IsA():
			if bad := c.violation(s.AdditionalProperties.A, v.elems[i], at+"."+k, depth+1); bad != "" {
				return bad
			}
		}
	}
	return ""
}

func (c *conformer) arrayViolation(s *base.Schema, v *value, at string, depth int) string {
	if s.MinItems != nil && int64(len(v.elems)) < *s.MinItems {
		return fmt.Sprintf("%s: has %d items, fewer than %d", at, len(v.elems), *s.MinItems)
	}
	if s.MaxItems != nil && int64(len(v.elems)) > *s.MaxItems {
		return fmt.Sprintf("%s: has %d items, more than %d", at, len(v.elems), *s.MaxItems)
	}
	if s.Items != nil && s.Items.IsA() {
		for i, e := range v.elems {
			if bad := c.violation(s.Items.A, e, at+"."+strconv.Itoa(i), depth+1); bad != "" {
				return bad
			}
		}
	}
	return ""
}

func (c *conformer) scalarViolation(s *base.Schema, v *value, at string) string {
	switch jsonType(v) {
	case "string":
		var str string
		if json.Unmarshal([]byte(v.raw), &str) != nil {
			return ""
		}
		return c.stringViolation(s, str, at)
	case "integer", "number":
		f, err := strconv.ParseFloat(v.raw, 64)
		if err != nil {
			return ""
		}
		switch {
		case s.Minimum != nil && f < *s.Minimum:
			return fmt.Sprintf("%s: is less than the minimum %g", at, *s.Minimum)
		case s.Maximum != nil && f > *s.Maximum:
			return fmt.Sprintf("%s: is more than the maximum %g", at, *s.Maximum)
		case s.ExclusiveMinimum != nil && s.ExclusiveMinimum.IsA() && s.ExclusiveMinimum.A && s.Minimum != nil && f <= *s.Minimum,
			s.ExclusiveMinimum != nil && s.ExclusiveMinimum.IsB() && f <= s.ExclusiveMinimum.B:
			return at + ": is not above the exclusive minimum"
		case s.ExclusiveMaximum != nil && s.ExclusiveMaximum.IsA() && s.ExclusiveMaximum.A && s.Maximum != nil && f >= *s.Maximum,
			s.ExclusiveMaximum != nil && s.ExclusiveMaximum.IsB() && f >= s.ExclusiveMaximum.B:
			return at + ": is not below the exclusive maximum"
		}
	}
	return ""
}

func (c *conformer) stringViolation(s *base.Schema, str, at string) string {
	n := int64(utf8.RuneCountInString(str))
	if s.MinLength != nil && n < *s.MinLength {
		return fmt.Sprintf("%s: is shorter than %d characters", at, *s.MinLength)
	}
	if s.MaxLength != nil && n > *s.MaxLength {
		return fmt.Sprintf("%s: is longer than %d characters", at, *s.MaxLength)
	}
	if s.Pattern != "" {
		if re := c.pattern(s.Pattern); re != nil && !re.MatchString(str) {
			return fmt.Sprintf("%s: does not match the pattern %q", at, s.Pattern)
		}
	}
	if !formatHolds(s.Format, str) {
		return fmt.Sprintf("%s: is not a %s", at, s.Format)
	}
	return ""
}

// pattern compiles a schema's pattern once.
func (c *conformer) pattern(p string) *regexp.Regexp {
	re, ok := c.patterns[p]
	if !ok {
		re, _ = regexp.Compile(p)
		c.patterns[p] = re
	}
	return re
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// formatHolds checks the formats validators check by default; others hold.
func formatHolds(format, s string) bool {
	switch format {
	case "email":
		a, err := mail.ParseAddress(s)
		return err == nil && a.Address == s
	case "uri", "url":
		u, err := url.Parse(s)
		return err == nil && u.Scheme != ""
	case "uuid":
		return uuidPattern.MatchString(s)
	case "date-time":
		_, err := time.Parse(time.RFC3339, s)
		return err == nil
	case "date":
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	}
	return true
}

// readOnly reports whether the property name of s is read-only: a request leaves it out even
// when it is required (OpenAPI 3.0 §4.7.25).
func readOnly(s *base.Schema, name string) bool {
	if s.Properties == nil {
		return false
	}
	p := s.Properties.GetOrZero(name)
	if p == nil {
		return false
	}
	ps := p.Schema()
	return ps != nil && ps.ReadOnly != nil && *ps.ReadOnly
}

// nodeValue is the value of an enum or const node, within a budget of its own.
func nodeValue(n *yaml.Node) *value {
	b := newBudget()
	b.start()
	return fromNode(n, b)
}

// sameJSON reports whether two values are the same JSON value.
func sameJSON(a, b *value) bool {
	var x, y any
	if json.Unmarshal([]byte(a.compact()), &x) != nil || json.Unmarshal([]byte(b.compact()), &y) != nil {
		return false
	}
	xs, _ := json.Marshal(x)
	ys, _ := json.Marshal(y)
	return string(xs) == string(ys)
}

// compact returns the value as compact JSON.
func (v *value) compact() string {
	var sb strings.Builder
	v.write(&sb, "", "")
	return sb.String()
}
