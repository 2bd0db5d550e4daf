package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ReplaceWith is Replace for a file written as a stream: write writes the
// contents through a buffered writer on the temporary file, which is then
// flushed, synced, closed, given perm and renamed over name, so that a
// large result is never held whole. When write (or anything after it)
// fails, name stays as it was and no temporary file is left behind.
func ReplaceWith(name string, perm os.FileMode, write func(io.Writer) error) error {
	return replace(name, perm, func(f io.Writer) error {
		bw := bufio.NewWriterSize(f, 1<<20)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// replace is Replace and ReplaceWith: write fills the temporary file,
// which is then synced, closed, given perm and renamed over name, and the
// directory synced; on any failure the temporary file is removed.
func replace(name string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(name)
	if err := checkTarget(name, dir); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp := f.Name()
	werr := write(f)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, perm)
	}
	if werr == nil {
		werr = os.Rename(tmp, name)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", name, werr)
	}
	return SyncDir(dir)
}
