// Package atomicfile writes files the way caili writes every file (a saved
// scenario, a result written with --out): all or nothing, so that a crash
// or a full disk never leaves half a file behind.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write writes data to name through a temporary file in the same
// directory that is written, synced, closed, given perm and renamed over
// name, then the directory synced so that the rename itself survives a
// crash. The directory is created (0o750) if need be. A failure leaves
// name as it was and no temporary file behind.
func Write(name string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return SyncDir(dir)
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
