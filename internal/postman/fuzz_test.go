package postman

import (
	"bytes"
	"os"
	"testing"
)

// FuzzRoundTrip: whatever ReadCollection accepts, Encode writes, as the same JSON, and a
// second round trip writes the same bytes.
func FuzzRoundTrip(f *testing.F) {
	for _, name := range []string{"app-v2.1.postman_collection.json", "app-v2.0.postman_collection.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(handMade))
	f.Add(deepCollection(3))
	f.Add([]byte(`{"info":{},"item":[{"item":null},{"item":[]},{"request":"u","item":null}],"item":[]}`))
	f.Add([]byte(`{"info":{"name":"\u003c"},"a":1,"a":2,"item":[{"name":"x","x":{"y":[1,{"z":null}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadCollection(bytes.NewReader(data))
		if err != nil {
			return
		}
		out, err := Encode(c)
		if err != nil {
			t.Fatalf("Encode after a successful read: %v", err)
		}
		sameJSON(t, out, data)
		if again := roundTrip(t, out); !bytes.Equal(again, out) {
			t.Fatalf("a second round trip changed the text:\n%s\n%s", out, again)
		}
	})
}
