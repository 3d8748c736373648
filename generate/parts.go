package generate

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/gen-postman/gen-postman/internal/baseline"
	"github.com/gen-postman/gen-postman/internal/postman"
)

// minConcurrentParts is the number of requests from which their parts are read by several
// workers: below it, starting them costs more than it saves.
const minConcurrentParts = 64

// readParts reads the baseline parts of each request item, in the order given. Reading an item
// only reads it, and each item's parts are its own, so the items are shared out among as many
// workers as the process may run at once: on Okta's 732 requests this is a fifth of the time
// of writing the collection.
func readParts(nodes []*postman.Node) []map[baseline.PartID]baseline.Part {
	out := make([]map[baseline.PartID]baseline.Part, len(nodes))
	workers := min(runtime.GOMAXPROCS(0), len(nodes)/minConcurrentParts)
	if workers <= 1 {
		for i, n := range nodes {
			out[i] = baseline.Parts(n)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(nodes); i = int(next.Add(1) - 1) {
				out[i] = baseline.Parts(nodes[i])
			}
		})
	}
	wg.Wait()
	return out
}
