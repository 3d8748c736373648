package atomicfile

import (
	"errors"
	"fmt"
)

// ErrPlanted is matched by the error of [CheckPath] when the path leads through a link or to
// a file that another user put in a folder others may write.
var ErrPlanted = errors.New("planted by another user")

// PlantedError says which link or file of a path another user owns, in which folder.
type PlantedError struct {
	Name  string // the link or file, as reached
	Link  bool   // a symbolic link, else a file
	Owner int    // its owner's uid
}

func (e *PlantedError) Error() string {
	what := "the file"
	if e.Link {
		what = "a symbolic link"
	}
	return fmt.Sprintf("%s %q belongs to another user (uid %d) in a folder others may write: not written through, "+
		"since it may lead to a file of yours; remove it or choose another name", what, e.Name, e.Owner)
}

// Is reports whether target is ErrPlanted.
func (e *PlantedError) Is(target error) bool { return target == ErrPlanted }
