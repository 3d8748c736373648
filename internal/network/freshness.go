package network

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pquerna/cachecontrol/cacheobject"
)

// freshness is how long the answer to req may be reused without asking the server again, as
// a private cache reckons it (RFC 9111 §4.2): Cache-Control max-age, else Expires minus Date,
// else a tenth of the time since Last-Modified, less the Age the answer already has, and at
// most maxCacheAge. An answer without any of them is reused for heuristicCacheAge. Zero
// means not at all: no-store, no-cache, an Expires that is not a date, or an answer that is
// already stale. pquerna/cachecontrol parses the headers and applies the rules.
func freshness(req *http.Request, resp *http.Response) time.Duration {
	h := resp.Header
	if strings.Contains(strings.ToLower(strings.Join(h.Values("Pragma"), ",")), "no-cache") {
		return 0
	}
	dir, err := cacheobject.ParseResponseCacheControl(strings.Join(h.Values("Cache-Control"), ", "))
	if err != nil || dir.NoCachePresent || dir.NoStore {
		return 0
	}
	if expires := h.Get("Expires"); expires != "" {
		if _, err := http.ParseTime(expires); err != nil {
			// RFC 9111 §5.3: an invalid date, such as "0", means already expired.
			return 0
		}
	}
	reasons, expiresAt, _, obj, err := cacheobject.UsingRequestResponseWithObject(req, resp.StatusCode, h, true)
	if err != nil || len(reasons) > 0 {
		return 0
	}
	lifetime := heuristicCacheAge
	if !expiresAt.IsZero() {
		lifetime = expiresAt.Sub(obj.NowUTC)
	}
	if age, err := strconv.ParseInt(strings.TrimSpace(h.Get("Age")), 10, 64); err == nil && age > 0 {
		if age >= int64(maxCacheAge/time.Second) {
			return 0
		}
		lifetime -= time.Duration(age) * time.Second
	}
	return min(max(lifetime, 0), maxCacheAge)
}
