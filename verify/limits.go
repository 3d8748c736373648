package verify

// Size limits on what verify reads from a server and keeps in a report, beside those of
// network's document fetches.
const (
	maxTokenResponse = 1 << 20 // a token response
	maxErrorBody     = 2 << 10 // what a report keeps of a refusal's body
	maxCallBody      = 64 << 10
)
