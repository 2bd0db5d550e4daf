package safefile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/caili/caili/internal/safefile"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plan.toml")
	if err := os.WriteFile(plain, []byte("[plan]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, 101), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(plain, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		want       error
	}{
		{"regular", plain, nil},
		{"link to a regular file", link, nil},
		{"FIFO without a writer", fifo, safefile.ErrNotRegular},
		{"link to /dev/zero", zero, safefile.ErrNotRegular},
		{"directory", dir, safefile.ErrNotRegular},
		{"over the limit", big, safefile.ErrTooLarge},
		{"missing", filepath.Join(dir, "nope.toml"), fs.ErrNotExist},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, _, err := safefile.Read(c.path, 100)
			if !errors.Is(err, c.want) {
				t.Fatalf("err %v, want %v", err, c.want)
			}
			if c.want == nil && string(b) != "[plan]\n" {
				t.Errorf("read %q", b)
			}
		})
	}
	if safefile.IsRegular(fifo) || safefile.IsRegular(zero) || !safefile.IsRegular(link) {
		t.Error("IsRegular disagrees with Read")
	}
}
