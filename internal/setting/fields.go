package setting

import "reflect"

// Tag is the struct tag that binds a field to a setting: `setting:"token-url"`.
const Tag = "setting"

// Fields returns the fields of the struct v points to (and of the structs it embeds) that are
// bound to a setting by their tag, by the setting's key. It panics when v is not a pointer to a struct, or when a tag
// names no declared setting: both are mistakes of the program, which a test finds.
func Fields(v any) map[Key]reflect.Value {
	out := map[Key]reflect.Value{}
	fieldsOf(reflect.ValueOf(v).Elem(), out)
	return out
}

func fieldsOf(s reflect.Value, out map[Key]reflect.Value) {
	t := s.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			fieldsOf(s.Field(i), out) // an embedded struct's bound fields are promoted
			continue
		}
		name, ok := f.Tag.Lookup(Tag)
		if !ok {
			continue
		}
		if _, declared := Lookup(Key(name)); !declared {
			panic("setting: " + t.String() + "." + f.Name + " is bound to an undeclared setting " + name)
		}
		out[Key(name)] = s.Field(i)
	}
}

// Copy sets each field of dst to the field of src bound to the same setting, where both have
// the same type and src's is not the zero value; it returns the keys of the fields it set.
// dst and src point to structs.
func Copy(dst, src any) []Key {
	to, fields := Fields(dst), Fields(src)
	var set []Key
	for _, s := range all {
		from, ok := fields[s.Key]
		if !ok || from.IsZero() {
			continue
		}
		if field, ok := to[s.Key]; ok && field.Type() == from.Type() {
			field.Set(from)
			set = append(set, s.Key)
		}
	}
	return set
}
