package postman

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// roundTrip reads a collection and writes it back.
func roundTrip(t testing.TB, data []byte) []byte {
	t.Helper()
	c, err := ReadCollection(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadCollection: %v", err)
	}
	out, err := Encode(c)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return out
}

// decodeAny decodes JSON with numbers kept as their text.
func decodeAny(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
	return v
}

// sameJSON fails the test when got and want are not the same JSON value.
func sameJSON(t testing.TB, got, want []byte) {
	t.Helper()
	if g, w := decodeAny(t, got), decodeAny(t, want); !reflect.DeepEqual(g, w) {
		t.Errorf("the round trip changed the collection:\n%s", firstDifference(g, w, "$"))
	}
}

// firstDifference names where two decoded JSON values first differ.
func firstDifference(got, want any, path string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: got %v, want an object", path, got)
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				return fmt.Sprintf("%s.%s: missing", path, k)
			}
			if !reflect.DeepEqual(gv, wv) {
				return firstDifference(gv, wv, path+"."+k)
			}
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				return fmt.Sprintf("%s.%s: added", path, k)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s: got %v, want %d elements", path, got, len(w))
		}
		for i := range w {
			if !reflect.DeepEqual(g[i], w[i]) {
				return firstDifference(g[i], w[i], fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	return fmt.Sprintf("%s: got %v, want %v", path, got, want)
}

// Exports of the Postman app, v2.1.0 and v2.0.0, come back byte for byte: every member, in
// its order, with its text.
func TestRoundTripAppExports(t *testing.T) {
	for _, name := range []string{"app-v2.1.postman_collection.json", "app-v2.0.postman_collection.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			out := roundTrip(t, data)
			sameJSON(t, out, data)
			if !bytes.Equal(out, data) {
				t.Errorf("the JSON is the same, but not its text:\n%s", out)
			}
			if again := roundTrip(t, out); !bytes.Equal(again, out) {
				t.Errorf("a second round trip changed the text")
			}
		})
	}
}

// What gen-postman reads of the app's v2.1.0 export.
func TestReadAppExport(t *testing.T) {
	data, err := os.ReadFile("testdata/app-v2.1.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCollection(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range c.AppliedRequests() {
		auth := "none"
		if r.Auth != nil {
			auth = string(r.Auth.Type)
		}
		got = append(got, fmt.Sprintf("%s %s %s %s", r.Name(), r.Request.Method, r.Request.URL.Raw, auth))
	}
	want := []string{
		"Applications/List applications GET {{baseUrl}}/api/applications?page=1&page_size=20&types=MachineToMachine oauth2",
		// Path variables take their values, as Newman sends them.
		"Applications/Get application GET {{baseUrl}}/api/applications/{{appId}} oauth2",
		"Applications/Create application POST {{baseUrl}}/api/applications oauth2",
		"Admin/Rotate secret PATCH {{baseUrl}}/api/applications/m2m-app/secret oauth2",
		"Admin/Upload logo POST {{baseUrl}}/api/logos bearer",
		"Admin/Health HEAD https://acme.logto.app/api/status none",
		"Ping GET {{baseUrl}}/ping#top oauth2",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requests\n got %q\nwant %q", got, want)
	}
	events, err := c.Events()
	if err != nil || len(events) != 2 || events[0].Listen != ListenPreRequest || len(events[0].Script.Exec) != 5 {
		t.Errorf("events %+v, %v", events, err)
	}
	vars, err := c.Variables()
	if err != nil || len(vars) != 9 || vars[5].Value != "20" || vars[6].Value != "true" || !vars[8].Disabled {
		t.Errorf("variables %+v, %v", vars, err)
	}
	if c.Name() != "Acme Admin API" || c.Items()[0].Description() != "Applications of the tenant." {
		t.Errorf("name %q, folder description %q", c.Name(), c.Items()[0].Description())
	}
}

// Members gen-postman knows nothing of survive at every level.
func TestRoundTripUnknownMembers(t *testing.T) {
	const file = `{"x-top": {"a": [1, 2.50, 1e3]}, "info": {"name": "U", "x-info": null, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"x-folder": true, "name": "F", "item": [{"name": "R", "x-item": "i",
			"request": {"x-request": 1, "method": "GET", "url": {"raw": "https://a.example/x", "x-url": [], "host": ["a", "example"]},
				"auth": {"type": "apikey", "x-auth": {}, "apikey": [{"key": "in", "value": "header", "x-param": 0}]},
				"header": [{"key": "A", "value": "b", "x-header": "h"}],
				"body": {"mode": "graphql", "graphql": {"query": "{ me }", "variables": ""}, "x-body": "b"}},
			"response": [{"x-response": 1, "name": "r", "code": 204}]}], "auth": null},
		{"name": "String request", "request": "https://a.example/s", "x": "\u003c\u00e9\ud83d\ude00"},
		{"name": "Null items is a request", "item": null}],
		"event": [{"listen": "test", "x-event": 1, "script": {"exec": "one line", "src": {"x": 1}}}],
		"variable": [{"key": "k", "value": {"nested": [true]}, "x-var": "v"}],
		"auth": {"type": "noauth", "noauth": []}, "x-last": "after"}`
	out := roundTrip(t, []byte(file))
	sameJSON(t, out, []byte(file))
	if again := roundTrip(t, out); !bytes.Equal(again, out) {
		t.Errorf("a second round trip changed the text:\n%s\n%s", out, again)
	}
}

// deepCollection nests depth folders, each with its own events, auth and a request, the
// deepest holding one more request.
func deepCollection(depth int) []byte {
	var b strings.Builder
	b.WriteString(`{"info": {"_postman_id": "d", "name": "Deep", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [`)
	for i := range depth {
		fmt.Fprintf(&b, `{"name": "F%d", "id": "f-%d", "event": [{"listen": "prerequest", "script": {"exec": ["// %d"], "type": "text/javascript"}}],
			"auth": {"type": "inherit"}, "protocolProfileBehavior": {"followRedirects": %t}, "item": [
			{"name": "R%d", "request": {"method": "GET", "url": "https://a.example/%d"}, "response": []},`, i, i, i, i%2 == 0, i, i)
	}
	b.WriteString(`{"name": "Deepest", "request": {"method": "GET", "url": {"raw": "https://a.example/deepest"}}}`)
	b.WriteString(strings.Repeat(`], "description": "d"}`, depth))
	b.WriteString(`], "auth": {"type": "bearer", "bearer": {"token": "{{t}}"}}}`)
	return []byte(b.String())
}

// Folders 40 deep round-trip, with the auth the app applies at the bottom; absurd depths are
// refused rather than dropped.
func TestRoundTripDeepFolders(t *testing.T) {
	data := deepCollection(40)
	out := roundTrip(t, data)
	sameJSON(t, out, data)
	c, err := ReadCollection(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	reqs := c.AppliedRequests()
	last := reqs[len(reqs)-1]
	if len(reqs) != 41 || len(last.Path) != 41 || last.Auth == nil || string(last.Auth.Type) != "bearer" {
		t.Errorf("%d requests, the last %v with auth %+v; want 41, 41 deep, bearer", len(reqs), last.Path, last.Auth)
	}
	if _, err := ReadCollection(bytes.NewReader(deepCollection(MaxFolderDepth))); err != nil {
		t.Errorf("%d deep: %v", MaxFolderDepth, err)
	}
	if _, err := ReadCollection(bytes.NewReader(deepCollection(MaxFolderDepth + 1))); !errors.Is(err, ErrTooDeep) {
		t.Errorf("%d deep: error %v, want ErrTooDeep", MaxFolderDepth+1, err)
	}
}

// The shapes Newman and Postman's collection SDK write (a URL without raw, descriptions as
// objects, ids on every item) read as the app's do.
func TestReadSDKShapes(t *testing.T) {
	const app = `{"info": {"name": "S", "description": "About."}, "item": [{"name": "F", "description": "Folder.", "item": [
		{"name": "R", "request": {"method": "GET", "url": "https://api.example.com/v1/things", "description": "Things."}}]}]}`
	const sdk = `{"info": {"_postman_id": "9", "name": "S", "description": {"content": "About.", "type": "text/plain"}},
		"item": [{"id": "a", "name": "F", "description": {"content": "Folder.", "type": "text/plain"}, "item": [
		{"id": "b", "name": "R", "request": {"method": "GET", "description": {"content": "Things.", "type": "text/plain"},
		"url": {"protocol": "https", "host": ["api", "example", "com"], "path": ["v1", "things"]}}, "response": []}], "event": []}]}`
	view := func(file string) []string {
		c, err := ReadCollection(strings.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		folder := c.Items()[0]
		req := request(t, folder.Items()[0])
		return []string{c.Name(), folder.Name(), folder.Description(), req.URL.Raw, string(req.Method), fmt.Sprint(req.Description)}
	}
	if a, s := view(app), view(sdk); !reflect.DeepEqual(a, s) {
		t.Errorf("app %q\n SDK %q", a, s)
	}
	for _, file := range []string{app, sdk} {
		sameJSON(t, roundTrip(t, []byte(file)), []byte(file))
	}
}

// Setters change one member and keep the others where they were.
func TestSettersKeepTheRest(t *testing.T) {
	data, err := os.ReadFile("testdata/app-v2.1.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCollection(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	folder := c.Items()[0]
	if err := folder.SetDescription("Changed."); err != nil {
		t.Fatal(err)
	}
	if err := folder.SetAuth(&Auth{Type: "noauth"}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetAuth(nil); err != nil {
		t.Fatal(err)
	}
	out, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	var got, want map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	wantFolder := want["item"].([]any)[0].(map[string]any)
	wantFolder["description"] = "Changed."
	wantFolder["auth"] = map[string]any{"type": "noauth"}
	delete(want, "auth")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the setters:\n%s", firstDifference(got, want, "$"))
	}
	keys := folder.obj.Keys()
	if want := []string{"name", "item", "description", "event", "auth"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("folder keys %q, want %q", keys, want)
	}
}
