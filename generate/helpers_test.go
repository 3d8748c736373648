package generate

import (
	"github.com/gen-postman/gen-postman/internal/postman"
	"github.com/gen-postman/gen-postman/internal/profile"
)

// newCollection is Build without its warnings.
func newCollection(p *profile.Profile) (*postman.Collection, error) {
	c, _, err := Build(p)
	return c, err
}
