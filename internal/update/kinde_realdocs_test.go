//go:build realdocs

package update

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// kindeHistory is Kinde's Management API document at four dates, 76 → 120 → 170 → 183
// operations, in $GEN_POSTMAN_OPENAPI_DIR, by default ../shared/openapi beside the repository.
var kindeHistory = []string{
	"kinde-history/kinde-2024-03-17-60fccc9.yaml",
	"kinde-history/kinde-2024-11-19-61371e0.yaml",
	"kinde-history/kinde-2025-12-23-d0e029a.yaml",
	"kinde-management-api.yaml",
}

// fusionAuthHistory is FusionAuth's API document in three releases, 288 → 299 → 313
// operations: 1.62 renames seven operationIds on the same method and path and one path
// parameter on the same operation.
var fusionAuthHistory = []string{
	"fusionauth-history/fusionauth-1.47.0-2023-07-25-7ebc0e6.yaml",
	"fusionauth-history/fusionauth-1.54.0-2024-10-17-d4cb627.yaml",
	"fusionauth-history/fusionauth-1.62.0-2025-12-18-0846909.yaml",
}

// TestRealDocsKindeHistory walks Kinde's document through its history, editing the collection
// between steps as a user would (every kind of edit update keeps) and reshaping it as Postman's
// SDK does, and checks at each step that every edit made so far survives, every new operation
// arrives in its tag's folder, every removal is reported, every conflict too, that every
// operation's request is there once (but those the user deleted, which stay deleted), that the
// user's copies survive --prune, and that a second update changes nothing:
//
//	go test -tags realdocs -run RealDocsKindeHistory -v ./internal/update
func TestRealDocsKindeHistory(t *testing.T) { walkHistory(t, kindeHistory) }

// TestRealDocsFusionAuthHistory is the same walk through FusionAuth's releases.
func TestRealDocsFusionAuthHistory(t *testing.T) { walkHistory(t, fusionAuthHistory) }

func walkHistory(t *testing.T, history []string) {
	docs := make([][]byte, len(history))
	for i, name := range history {
		docs[i] = realDoc(t, name)
	}
	file := encode(t, fresh(t, docs[0]))
	var checks []check
	taken := map[string]bool{}      // requests edited at one step are left alone at the next
	aliases := map[string]string{}  // the id an operation's request took when its operationId changed
	keptBefore := map[string]bool{} // the requests kept at an earlier step: listed until pruned
	deleted := map[string]bool{}    // the ids of the requests the user deleted
	folders := map[string]string{}  // the folders the user renamed: the tag's name to the folder's
	for step := 1; step < len(docs); step++ {
		before, after := decode(t, encode(t, fresh(t, docs[step-1]))), decode(t, encode(t, fresh(t, docs[step])))
		w := walkStep{t: t, step: step, before: before, after: after, taken: taken, aliases: aliases, keptBefore: keptBefore,
			deleted: deleted, folders: folders}
		for old, id := range w.renames() {
			aliases[old] = id
		}
		c := decode(t, file)
		checks = append(checks, w.edit(c)...)
		file = sdkShape(t, mustEncodeTree(t, c))

		start := time.Now()
		out, report := update(t, file, docs[step], Options{})
		took := time.Since(start)
		t.Logf("step %d (%s): %d operations; %d added, %d updated, %d unchanged, %d removed, %d kept, %d conflicts, %d deleted by the user, %d path variables renamed, %d folders added, %d variables added; script tables %s; %s",
			step, history[step], len(requestIDs(after)), len(report.Added), len(report.Updated), report.Unchanged,
			len(report.Removed), len(report.Kept), len(report.Conflicts), report.Deleted, len(report.PathRenamed),
			len(report.FoldersAdded), len(report.VariablesAdded), report.ScriptTables, took.Round(time.Millisecond))

		updated := decode(t, out)
		if report.ScriptTables != TablesRefreshed {
			t.Errorf("step %d: the test script's tables %q, want %q", step, report.ScriptTables, TablesRefreshed)
		}
		checkTables(t, updated, after)
		for _, ch := range checks {
			ch(t, updated, report, step)
		}
		w.checkNewAndGone(updated, report, decode(t, file))
		w.checkOnce(updated)
		for _, k := range report.Kept {
			keptBefore[k] = true
		}
		again, second := update(t, out, docs[step], Options{})
		if second.Changed || !bytes.Equal(again, out) {
			t.Errorf("step %d: a second update with the same document changed the collection", step)
		}
		pruned, _ := update(t, out, docs[step], Options{Prune: true})
		for _, ch := range checks {
			ch(t, decode(t, pruned), nil, -1) // with the kept requests gone: the copies stay
		}
		file = out
	}
}

// check is a test of one edit, run after every later update with that update's step.
type check func(t *testing.T, c tree, r *Report, step int)

// walkStep is one step of the history: the collections of the document before and after.
type walkStep struct {
	t             *testing.T
	step          int
	before, after tree
	taken         map[string]bool
	aliases       map[string]string
	keptBefore    map[string]bool
	deleted       map[string]bool
	folders       map[string]string
}

// renames pairs the operations of this step whose operationId changed, their method and path
// the same: the old request's id with the new one's.
func (w *walkStep) renames() map[string]string {
	before, after := requestIDs(w.before), requestIDs(w.after)
	byPath := map[string]string{}
	for id, f := range before {
		if after[id] == nil {
			byPath[methodPath(f)] = id
		}
	}
	out := map[string]string{}
	for id, f := range after {
		if old, ok := byPath[methodPath(f)]; ok && before[id] == nil {
			out[old] = id
		}
	}
	return out
}

// methodPath is a generated request's method and URL without its query.
func methodPath(f *found) string {
	r := request(f)
	return r["method"].(string) + " " + strings.SplitN(r["url"].(tree)["raw"].(string), "?", 2)[0]
}

// current is the id a request has now, through the operationId changes since.
func (w *walkStep) current(id string) string {
	for w.aliases[id] != "" {
		id = w.aliases[id]
	}
	return id
}

// requestIDs maps each request's id to the request and the folder it is generated in.
func requestIDs(c tree) map[string]*found {
	out := map[string]*found{}
	var walk func(items []any, folders []string)
	walk = func(items []any, folders []string) {
		for _, it := range items {
			item := it.(tree)
			if sub, ok := item["item"].([]any); ok {
				walk(sub, append(slices.Clone(folders), item["name"].(string)))
				continue
			}
			if id, ok := item["id"].(string); ok {
				out[id] = &found{item: item, folders: folders}
			}
		}
	}
	walk(c["item"].([]any), nil)
	return out
}

// surviving lists, in document order, the ids of the operations the step keeps that are in c
// and not yet edited.
func (w *walkStep) surviving(c tree, taken map[string]bool) []string {
	now, next := requestIDs(c), requestIDs(w.after)
	var ids []string
	for id := range requestIDs(w.before) {
		if now[id] != nil && next[id] != nil && !taken[id] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// pick takes the first surviving request that ok accepts.
func (w *walkStep) pick(c tree, taken map[string]bool, ok func(f *found) bool) (string, *found) {
	now := requestIDs(c)
	for _, id := range w.surviving(c, taken) {
		if ok(now[id]) {
			taken[id] = true
			return id, now[id]
		}
	}
	w.t.Fatalf("step %d: no request to edit", w.step)
	return "", nil
}

func any_(*found) bool { return true }

// edit makes one edit of every kind and returns the checks that it survives.
func (w *walkStep) edit(c tree) []check {
	taken := w.taken
	tag := fmt.Sprintf(" (step %d)", w.step)
	var checks []check
	byID := func(t *testing.T, c tree, id string) *found {
		f := requestIDs(c)[w.current(id)]
		if f == nil {
			t.Fatalf("the request %s edited at step %d is gone", id, w.step)
		}
		return f
	}

	// A rename: kept, and a conflict when the document renames it too.
	{
		id, f := w.pick(c, taken, any_)
		name := f.item["name"].(string) + tag
		f.item["name"] = name
		renamedByDoc := requestIDs(w.before)[id].item["name"] != requestIDs(w.after)[id].item["name"]
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if got := byID(t, c, id).item["name"]; got != name {
				t.Errorf("renamed %q is now %q", name, got)
			}
		})
		if renamedByDoc {
			w.wantConflict(&checks, name, "name")
		}
	}

	// A move into a folder of the user's own, with a request of the user's own.
	{
		id, _ := w.pick(c, taken, any_)
		folder := "Mine" + tag
		moved := removeByID(c, id)
		own := tree{"name": "Mine only" + tag, "request": tree{"method": "GET", "url": tree{"host": []any{"{{baseUrl}}"}, "path": []any{"mine"}}}}
		c["item"] = append(c["item"].([]any), tree{"name": folder, "item": []any{moved, own}})
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if got := byID(t, c, id).folders; !slices.Equal(got, []string{folder}) {
				t.Errorf("moved %s is in %v, want %s", id, got, folder)
			}
			if requestNamed(c, own["name"].(string)) == nil {
				t.Errorf("the user's own request %s is gone", own["name"])
			}
		})
	}

	// A test, a pre-request script, a saved response, request auth and an unknown member.
	{
		id, f := w.pick(c, taken, any_)
		f.item["event"] = []any{
			tree{"listen": "test", "script": tree{"type": "text/javascript", "exec": []any{"pm.test('mine" + tag + "', () => {});"}}},
			tree{"listen": "prerequest", "script": tree{"type": "text/javascript", "exec": []any{"// before" + tag}}},
		}
		f.item["response"] = []any{tree{"name": "Saved" + tag, "code": 200.0, "body": "{}"}}
		f.item["x-mine"] = w.step
		request(f)["auth"] = tree{"type": "bearer", "bearer": []any{tree{"key": "token", "value": "{{mine}}", "type": "string"}}}
		want := mustEncodeTree(w.t, tree{"event": f.item["event"], "response": f.item["response"], "x": float64(w.step), "auth": request(f)["auth"]})
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			g := byID(t, c, id)
			got := mustEncodeTree(t, tree{"event": g.item["event"], "response": g.item["response"], "x": g.item["x-mine"], "auth": request(g)["auth"]})
			if !bytes.Equal(got, want) {
				t.Errorf("request %s lost its scripts, saved response, auth or unknown member:\n%s\nwant\n%s", id, got, want)
			}
		})
	}

	// A query parameter's value and state, and a header of the user's.
	{
		id, f := w.pick(c, taken, func(f *found) bool {
			q, _ := request(f)["url"].(tree)["query"].([]any)
			return len(q) > 0
		})
		q := request(f)["url"].(tree)["query"].([]any)[0].(tree)
		key, value := q["key"].(string), "mine"+tag
		q["value"], q["disabled"] = value, false
		request(f)["header"] = append(asList(request(f)["header"]), tree{"key": "X-Mine", "value": value})
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			g := request(byID(t, c, id))
			p := param(g["url"].(tree)["query"], key)
			if p == nil || p["value"] != value || p["disabled"] == true {
				t.Errorf("request %s: query parameter %s = %v, want %q on", id, key, p, value)
			}
			if h := param(g["header"], "X-Mine"); h == nil || h["value"] != value {
				t.Errorf("request %s: the user's header is %v", id, h)
			}
		})
	}

	// An edited body: kept, a conflict when the document changes it too.
	{
		id, f := w.pick(c, taken, func(f *found) bool {
			b, _ := request(f)["body"].(tree)
			return b != nil && b["mode"] == "raw"
		})
		body := `{"mine": "` + tag + `"}`
		request(f)["body"].(tree)["raw"] = body
		if w.changed(id, "body") {
			w.wantConflict(&checks, f.item["name"].(string), "body")
		}
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if got := request(byID(t, c, id))["body"].(tree)["raw"]; got != body {
				t.Errorf("request %s: body %v, want the user's %s", id, got, body)
			}
		})
	}

	// An edited description where the document changes it: a conflict.
	if id, f := w.pickChanged(c, taken, "description"); f != nil {
		text := "mine" + tag
		request(f)["description"] = text
		w.wantConflict(&checks, f.item["name"].(string), "description")
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if got := descriptionOf(request(byID(t, c, id))["description"]); got != text {
				t.Errorf("request %s: description %q, want the user's", id, got)
			}
		})
	}

	// Folder auth and a folder script, collection variables and scripts.
	top := c["item"].([]any)[0].(tree)
	top["auth"] = tree{"type": "noauth"}
	top["event"] = []any{tree{"listen": "test", "script": tree{"exec": []any{"// folder" + tag}}}}
	topName := top["name"].(string)
	varName, varValue := "mine"+fmt.Sprint(w.step), "value"+tag
	c["variable"] = append(c["variable"].([]any), tree{"key": varName, "value": varValue, "type": "string"})
	// A line in the collection's pre-request script: its test script stays gen-postman's own,
	// so that each update refreshes its tables.
	events := c["event"].([]any)
	script := events[0].(tree)["script"].(tree)
	script["exec"] = append(script["exec"].([]any), "// collection"+tag)
	checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
		f := folderNamed(c, topName)
		if f == nil || f["auth"] == nil || f["event"] == nil {
			t.Errorf("folder %s lost its auth or script", topName)
		}
		found := false
		for _, v := range c["variable"].([]any) {
			found = found || v.(tree)["key"] == varName && v.(tree)["value"] == varValue
		}
		if !found {
			t.Errorf("variable %s = %q is gone", varName, varValue)
		}
		if !bytes.Contains(mustEncodeTree(t, c["event"]), []byte("// collection"+tag)) {
			t.Error("the collection's script lost the user's line")
		}
	})

	// An operation the document drops, edited: kept and listed.
	now, next, renames := requestIDs(c), requestIDs(w.after), w.renames()
	var gone []string
	for id := range requestIDs(w.before) {
		if now[id] != nil && next[id] == nil && renames[id] == "" {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	if len(gone) > 0 {
		f := now[gone[0]]
		f.item["event"] = []any{tree{"listen": "test", "script": tree{"exec": []any{"// keep" + tag}}}}
		label := f.folders[0] + "/" + f.item["name"].(string)
		step := w.step
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if at < 0 {
				return // pruned
			}
			if at == step && !slices.Contains(r.Kept, label) {
				t.Errorf("Kept = %v, want %s, which the document dropped and the user edited", r.Kept, label)
			}
			byID(t, c, gone[0])
		})
	}
	// Another, whose settings alone the user changed: kept too.
	if len(gone) > 1 {
		f := now[gone[1]]
		f.item["protocolProfileBehavior"] = tree{"disableBodyPruning": true}
		label := f.folders[0] + "/" + f.item["name"].(string)
		step := w.step
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if at == step && !slices.Contains(r.Kept, label) {
				t.Errorf("Kept = %v, want %s, whose settings the user changed", r.Kept, label)
			}
		})
	}
	return append(checks, w.deleteCopyRename(c)...)
}

// deleteCopyRename deletes a request, copies one and renames a tag's folder: an operation
// whose operationId this step changes, when there is one, is the one deleted, and another the
// one copied.
func (w *walkStep) deleteCopyRename(c tree) []check {
	t, tag, step := w.t, fmt.Sprintf(" (step %d)", w.step), w.step
	var checks []check
	now := requestIDs(c)
	var renamed []string
	for old := range w.renames() {
		if now[old] != nil && !w.taken[old] {
			renamed = append(renamed, old)
		}
	}
	slices.Sort(renamed)
	pickOne := func() (string, *found) {
		if len(renamed) > 0 {
			id := renamed[0]
			renamed = renamed[1:]
			w.taken[id] = true
			return id, now[id]
		}
		return w.pick(c, w.taken, any_)
	}

	// A deleted request stays deleted, and is named in the report.
	{
		id, f := pickOne()
		name := f.item["name"].(string)
		if g := requestIDs(w.after)[w.current(id)]; g != nil {
			name = g.item["name"].(string) // as the document names it now
		}
		removeByID(c, id)
		w.deleted[id] = true
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if g := requestIDs(c)[w.current(id)]; g != nil {
				t.Errorf("step %d: the request %q the user deleted at step %d is back", at, name, step)
			}
			if at == step && !slices.ContainsFunc(r.DeletedRequests, func(d string) bool { return strings.HasSuffix(d, "/"+name) }) {
				t.Errorf("deleted by the user %v, want %q named", r.DeletedRequests, name)
			}
		})
	}

	// A copy, as Postman's Duplicate makes it: an id of its own; never kept as gone nor pruned.
	{
		_, f := pickOne()
		dup := decode(t, mustEncodeTree(t, f.item))
		copyName := f.item["name"].(string) + " Copy" + tag
		dup["id"], dup["name"] = fmt.Sprintf("00000000-0000-4000-9000-%012d", step), copyName
		holder := c
		if len(f.folders) > 0 {
			holder = folderNamed(c, f.folders[0])
		}
		holder["item"] = append(holder["item"].([]any), dup)
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if requestNamed(c, copyName) == nil {
				t.Errorf("step %d: the user's copy %q is gone", at, copyName)
			}
			if r != nil && (slices.ContainsFunc(r.Kept, func(k string) bool { return strings.HasSuffix(k, "/"+copyName) }) ||
				slices.ContainsFunc(r.Removed, func(k string) bool { return strings.HasSuffix(k, "/"+copyName) })) {
				t.Errorf("step %d: the user's copy %q is reported kept or removed", at, copyName)
			}
		})
	}

	// A tag's folder renamed, when the document adds operations to it: they go there.
	before, after := requestIDs(w.before), requestIDs(w.after)
	grows := map[string]bool{}
	for id, f := range after {
		if before[id] == nil && len(f.folders) == 1 {
			grows[f.folders[0]] = true
		}
	}
	items := c["item"].([]any)
	for _, it := range items[1:] { // the first carries the folder auth edit
		folder := it.(tree)
		name, _ := folder["name"].(string)
		if _, isFolder := folder["item"]; !isFolder || !grows[name] || w.folders[name] != "" {
			continue
		}
		renamedTo := "Renamed " + name + tag
		folder["name"] = renamedTo
		w.folders[name] = renamedTo
		checks = append(checks, func(t *testing.T, c tree, r *Report, at int) {
			if folderNamed(c, name) != nil && at >= 0 {
				t.Errorf("step %d: a folder %q was made beside the one the user renamed %q", at, name, renamedTo)
			}
		})
		break
	}
	return checks
}

// checkOnce checks that the request of every operation of the document is in the collection
// once, but for those the user deleted, which are not.
func (w *walkStep) checkOnce(c tree) {
	count := map[string]int{}
	var walk func(items []any)
	walk = func(items []any) {
		for _, it := range items {
			item := it.(tree)
			if sub, ok := item["item"].([]any); ok {
				walk(sub)
			} else if id, ok := item["id"].(string); ok {
				count[id]++
			}
		}
	}
	walk(c["item"].([]any))
	deleted := map[string]bool{}
	for id := range w.deleted {
		deleted[w.current(id)] = true
	}
	for id, f := range requestIDs(w.after) {
		want := 1
		if deleted[id] {
			want = 0
		}
		if count[id] != want {
			w.t.Errorf("step %d: the request of %q is there %d times, want %d", w.step, f.item["name"], count[id], want)
		}
	}
}

// checkNewAndGone checks that every new operation arrived in its tag's folder, and every
// operation the document dropped is removed or kept, and reported so.
func (w *walkStep) checkNewAndGone(c tree, r *Report, file tree) {
	t := w.t
	before, after, now, had := requestIDs(w.before), requestIDs(w.after), requestIDs(c), requestIDs(file)
	renames := w.renames()
	renamedTo := map[string]bool{}
	for old, id := range renames {
		renamedTo[id] = true
		if had[old] != nil && now[id] == nil {
			t.Errorf("step %d: the request of %s, whose operationId changed, is not the new operation's", w.step, id)
		}
	}
	added := 0
	for id, f := range after {
		if before[id] != nil || renamedTo[id] {
			continue
		}
		added++
		g := now[id]
		if g == nil {
			t.Errorf("step %d: the new operation %q did not arrive", w.step, f.item["name"])
			continue
		}
		want := f.folders
		if len(want) == 1 && w.folders[want[0]] != "" {
			want = []string{w.folders[want[0]]}
		}
		if !slices.Equal(g.folders, want) {
			t.Errorf("step %d: the new operation %q is in %v, want its tag's folder %v", w.step, f.item["name"], g.folders, want)
		}
	}
	if len(r.Added) != added {
		t.Errorf("step %d: %d added, want %d", w.step, len(r.Added), added)
	}
	dropped := 0
	for id := range before {
		f := had[id]
		if after[id] != nil || f == nil || renames[id] != "" {
			continue
		}
		dropped++
		label := f.folders[len(f.folders)-1] + "/" + f.item["name"].(string)
		switch {
		case now[id] == nil && !slices.Contains(r.Removed, label):
			t.Errorf("step %d: %s is gone and not reported removed", w.step, label)
		case now[id] != nil && !slices.Contains(r.Kept, label):
			t.Errorf("step %d: %s is still there and not reported kept", w.step, label)
		}
	}
	for k := range w.keptBefore {
		if slices.Contains(r.Kept, k) {
			dropped++ // kept at an earlier step and listed again
		} else {
			t.Errorf("step %d: %s, kept at an earlier step, is not listed as kept", w.step, k)
		}
	}
	if got := len(r.Removed) + len(r.Kept); got != dropped {
		t.Errorf("step %d: %d removed and %d kept, want %d operations dropped by the document", w.step, len(r.Removed), len(r.Kept), dropped)
	}
	for _, f := range r.FoldersAdded {
		if folderNamed(c, f) == nil {
			t.Errorf("step %d: folder %s is reported added and is not there", w.step, f)
		}
	}
}

// wantConflict adds a check that this step's report lists a conflict on the part of the
// request named name.
func (w *walkStep) wantConflict(checks *[]check, name, part string) {
	step := w.step
	*checks = append(*checks, func(t *testing.T, c tree, r *Report, at int) {
		if at != step {
			return
		}
		for _, cf := range r.Conflicts {
			if cf.Part == part && (cf.Request == name || len(cf.Request) > len(name) && cf.Request[len(cf.Request)-len(name)-1:] == "/"+name) {
				return
			}
		}
		t.Errorf("step %d: no conflict on %s of %q in %v", step, part, name, r.Conflicts)
	})
}

// changed reports whether the document changes the request's part at this step.
func (w *walkStep) changed(id, part string) bool {
	b, a := requestIDs(w.before)[id], requestIDs(w.after)[id]
	return b != nil && a != nil && string(mustEncodeTree(w.t, request(b)[part])) != string(mustEncodeTree(w.t, request(a)[part]))
}

// pickChanged takes a surviving request whose part the document changes at this step.
func (w *walkStep) pickChanged(c tree, taken map[string]bool, part string) (string, *found) {
	now := requestIDs(c)
	for _, id := range w.surviving(c, taken) {
		if w.changed(id, part) {
			taken[id] = true
			return id, now[id]
		}
	}
	return "", nil
}

// removeByID takes the request with the id out of its holder.
func removeByID(c tree, id string) tree {
	var walk func(h tree) tree
	walk = func(h tree) tree {
		items, _ := h["item"].([]any)
		for i, it := range items {
			item := it.(tree)
			if item["id"] == id {
				h["item"] = append(items[:i:i], items[i+1:]...)
				return item
			}
			if _, ok := item["item"]; ok {
				if got := walk(item); got != nil {
					return got
				}
			}
		}
		return nil
	}
	return walk(c)
}

func descriptionOf(v any) string {
	switch d := v.(type) {
	case string:
		return d
	case tree:
		s, _ := d["content"].(string)
		return s
	}
	return ""
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
