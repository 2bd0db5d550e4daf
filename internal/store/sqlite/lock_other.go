//go:build !unix

package sqlite

import (
	"errors"
	"os"
)

// errLocked is a lock another process holds (never, where files cannot be
// locked).
var errLocked = errors.New("database in use")

// lock is a no-op where flock is not available: the restore's documented
// rule, stop the server first, is all that holds.
func lock(path string, exclusive bool) (*os.File, error) { return nil, nil }
