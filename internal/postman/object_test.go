package postman

import (
	"encoding/json"
	"reflect"
	"testing"
)

// objectCases are objects whose members end in every way a value can: a number, a literal or a
// string last, nested values, escaped and non-ASCII keys, white space everywhere, duplicates.
var objectCases = []string{
	`{}`,
	` { } `,
	`{"a":1}`,
	`{"a":-1.5e3,"b":true,"c":null,"d":false}`,
	`{"a" : "x" , "b" : [1, {"c": "}"}] , "c" : {"d": ["]", "\"{"]}}`,
	"{\n\t\"a\":\r\n 1 \n}",
	`{"a\"b":1,"é":2,"\u00e9":3,"\ud800":4}`,
	`{"a":1,"a":2}`,
	`{"a":"\\","b":"\\\""}`,
	`{"a":[],"b":{},"c":[[]],"d":""}`,
}

func TestObjectUnmarshalAsDecoder(t *testing.T) {
	for _, text := range objectCases {
		checkObjectAsDecoder(t, text)
	}
	for _, text := range []string{`[]`, `"x"`, `1`, `null`, `{`, `{"a":}`, `{"a":1,}`, `{"a":tru}`} {
		var fast, slow Object
		errFast, errSlow := fast.UnmarshalJSON([]byte(text)), slow.decode([]byte(text))
		if errFast == nil || errSlow == nil || errFast.Error() != errSlow.Error() {
			t.Errorf("%s: error %v, the decoder's %v", text, errFast, errSlow)
		}
	}
}

// checkObjectAsDecoder holds UnmarshalJSON to encoding/json's decoder, token by token.
func checkObjectAsDecoder(t *testing.T, text string) {
	t.Helper()
	var fast, slow Object
	errFast, errSlow := fast.UnmarshalJSON([]byte(text)), slow.decode([]byte(text))
	if (errFast == nil) != (errSlow == nil) || errFast != nil && errFast.Error() != errSlow.Error() {
		t.Fatalf("%q: error %v, the decoder's %v", text, errFast, errSlow)
	}
	if len(fast.members) != len(slow.members) {
		t.Fatalf("%q: %d members, the decoder's %d", text, len(fast.members), len(slow.members))
	}
	for i := range fast.members {
		if fast.members[i].key != slow.members[i].key || string(fast.members[i].value) != string(slow.members[i].value) {
			t.Fatalf("%q: member %d is %q: %s, the decoder's %q: %s", text, i,
				fast.members[i].key, fast.members[i].value, slow.members[i].key, slow.members[i].value)
		}
	}
}

func TestObjectUnmarshalCopiesText(t *testing.T) {
	data := []byte(`{"a":"x"}`)
	var o Object
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	copy(data, `{"a":"y"}`)
	if v, _ := o.Get("a"); string(v) != `"x"` {
		t.Fatalf("member a is %s after the text was reused, want \"x\"", v)
	}
}

func FuzzObjectUnmarshal(f *testing.F) {
	for _, text := range objectCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkObjectAsDecoder(t, text)
		var o Object
		if json.Unmarshal([]byte(text), &o) == nil {
			var again Object
			out, _ := o.MarshalJSON()
			if err := json.Unmarshal(out, &again); err != nil || !reflect.DeepEqual(o.Keys(), again.Keys()) {
				t.Fatalf("%q written as %s reads back as %v (%v)", text, out, again.Keys(), err)
			}
		}
	})
}
