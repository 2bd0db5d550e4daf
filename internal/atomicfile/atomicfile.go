// Package atomicfile writes files the way caili writes every file (a saved
// scenario, a result written with --out): all or nothing, so that a crash
// or a full disk never leaves half a file behind. Of caili it imports
// only internal/safefile.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
)

// Replace writes data to name through a temporary file in the same
// directory that is written, synced, closed, given perm and renamed over
// name, then the directory synced so that the rename itself survives a
// crash. A failure leaves name as it was and no temporary file behind.
//
// Replace only ever replaces a regular file: a name that is a directory,
// a symbolic link, a FIFO, a socket or a device (/dev/full) is refused
// (ErrNotRegular), as a directory that does not exist is (ErrNoDir):
// Replace creates none. It is for a name a person gave (--out).
func Replace(name string, data []byte, perm os.FileMode) error {
	return replace(name, perm, func(f io.Writer) error {
		_, err := f.Write(data)
		return err
	})
}

// Write is Replace into a directory that is created (0o750, with its
// parents) if need be: for a program's own data folder (saved
// scenarios), not for a name a person gave.
func Write(name string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return Replace(name, data, perm)
}

// ErrNotRegular is returned (wrapped) for a name that exists and is not a
// regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrNoDir is returned (wrapped) for a name whose directory does not exist
// or is not a directory.
var ErrNoDir = errors.New("no such folder")

// refused is a target Write will not write, with a message for a person.
type refused struct {
	m    msg.Message
	args []any
	err  error // ErrNotRegular or ErrNoDir
}

// Error says why, in Chinese.
func (e *refused) Error() string { return e.In(msg.Zh) }

// In says why in language l.
func (e *refused) In(l msg.Lang) string { return e.m.In(l, e.args...) }

func (e *refused) Unwrap() error { return e.err }

// checkTarget refuses a name that exists and is not a regular file (the
// name itself: a link is not followed), or whose directory is missing.
func checkTarget(name, dir string) error {
	fi, err := os.Lstat(name)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return &refused{msg.FileWillNotReplace, []any{name, &safefile.NotRegularError{Mode: fi.Mode()}}, ErrNotRegular}
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("write %s: %w", name, err)
	}
	di, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return &refused{msg.FileNoFolder, []any{dir, name}, ErrNoDir}
	case err != nil:
		return fmt.Errorf("write %s: %w", name, err)
	case !di.IsDir():
		return &refused{msg.FileNotFolder, []any{dir, name}, ErrNoDir}
	}
	return nil
}

// SyncDir flushes a directory's entries to disk, so that files created,
// renamed or removed in it stay so after a crash.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
