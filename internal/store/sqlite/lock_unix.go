//go:build unix

package sqlite

import (
	"errors"
	"os"
	"syscall"
)

// The database file's users hold a lock on a file beside it
// (caili.db.lock): every open store a shared one, a restore an exclusive
// one, so that a restore never replaces the database under a running
// server (which would lose its next acknowledged write), and no store
// opens the database while it is being replaced.

// errLocked is a lock another process holds.
var errLocked = errors.New("database in use")

// lock takes the lock of the database at path, shared or exclusive,
// without waiting: errLocked when another process holds it the other way.
func lock(path string, exclusive bool) (*os.File, error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, err
	}
	return f, nil
}
