package baseline

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gen-postman/gen-postman/internal/postman"
)

func TestRecordRoundTrip(t *testing.T) {
	r := &Record{API: API{Title: "Pets {{x}} API", Host: "api.example.com"}, TestScript: Hash("// the test script's code"), Ops: []Op{
		NewOp("getPet", "pets", map[PartID]Part{{Kind: PartName}: {Canon: "Get a pet"}, {Kind: PartQuery, Key: "limit"}: {Canon: `{"value":"10"}`}}),
		NewOp("GET /ping", "Other", map[PartID]Part{{Kind: PartName}: {Canon: "Ping"}}),
	}}
	got, err := Parse(r.String())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("Parse(String()) = %+v, want %+v", got, r)
	}
	if strings.Contains(r.String(), "getPet") || strings.Contains(r.String(), "Get a pet") || strings.Contains(r.String(), "{{") {
		t.Error("the record holds text of the document; it must hold hashes only")
	}
	if h, ok := r.Ops[0].Part(PartID{Kind: PartName}); !ok || h != Hash("Get a pet") {
		t.Errorf("Part(name) = %q, %v", h, ok)
	}
	if r.Ops[0].ItemID() != ItemID("getPet") || ItemID("getPet") == ItemID("getPets") {
		t.Error("an operation's request id is not the id of its key alone")
	}
}

func TestParseRefusesWhatItDidNotWrite(t *testing.T) {
	for _, s := range []string{"", "gen-postman baseline 2", header + "\nonlyone", header + "\nk f noequals", "{{clientSecret}}"} {
		if _, err := Parse(s); !errors.Is(err, ErrBadRecord) {
			t.Errorf("Parse(%q) = %v, want ErrBadRecord", s, err)
		}
	}
}

// TestPartsReadEveryShape reads one request as gen-postman writes it and as Postman's SDK writes
// it back: the parts are the same.
func TestPartsReadEveryShape(t *testing.T) {
	generated := `{"info":{"name":"x"},"item":[{"name":"Get a pet","request":{"url":{"raw":"{{baseUrl}}/pets/:petId?limit=10","host":["{{baseUrl}}"],"path":["pets",":petId"],"query":[{"key":"limit","value":"10","description":"How many."}],"variable":[{"key":"petId","value":"{{petId}}","description":"The pet."}]},"method":"GET","description":"One pet.","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1","type":"text"}]}}}]}`
	sdk := `{"info":{"name":"x"},"item":[{"id":"x","name":"Get a pet","request":{"description":{"content":"One pet.","type":"text/plain"},"url":{"path":["pets",":petId"],"host":["{{baseUrl}}"],"query":[{"description":{"content":"How many.","type":"text/plain"},"key":"limit","value":"10"}],"variable":[{"description":{"content":"The pet.","type":"text/plain"},"type":"any","key":"petId","value":"{{petId}}"}]},"method":"GET","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"}]}},"response":[],"event":[]}]}`
	parts := func(s string) map[PartID]string {
		c, err := postman.ReadCollection(bytes.NewReader([]byte(s)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[PartID]string{}
		for id, p := range Parts(c.Items()[0]) {
			out[id] = p.Canon
		}
		return out
	}
	want := parts(generated)
	if got := parts(sdk); !reflect.DeepEqual(got, want) {
		t.Errorf("the SDK's shape reads as\n%v\nwant\n%v", got, want)
	}
	for id, canon := range map[PartID]string{
		{Kind: PartRequest}: "GET {{baseUrl}}/pets/:petId", {Kind: PartDescription}: "One pet.", {Kind: PartAuth}: postman.AuthTypeInherit,
		{Kind: PartQuery, Key: "limit"}: `{"description":"How many.","value":"10"}`,
	} {
		if want[id] != canon {
			t.Errorf("part %s = %q, want %q", id, want[id], canon)
		}
	}
	if got := (PartID{Kind: PartHeader, Key: "x-trace"}).String(); got != "header:x-trace" {
		t.Errorf("a header's part is named %q in the record, want header:x-trace as before", got)
	}
}
