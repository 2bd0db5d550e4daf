package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplaceWith checks that a streamed file appears whole, and that a
// write that fails half-way leaves the old file and no temporary file.
func TestReplaceWith(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.json")
	if err := os.WriteFile(name, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 3<<20) // more than the buffer
	if err := ReplaceWith(name, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, big); return err }); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(name); err != nil || string(b) != big {
		t.Fatalf("read back %d bytes, %v", len(b), err)
	}
	boom := errors.New("boom")
	err := ReplaceWith(name, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if b, _ := os.ReadFile(name); string(b) != big {
		t.Fatalf("the file changed after a failed write (%d bytes)", len(b))
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("%d entries in the folder, want 1 (no temporary file left)", len(es))
	}
	if err := ReplaceWith(filepath.Join(dir, "no", "x"), 0o644, func(io.Writer) error { return nil }); !errors.Is(err, ErrNoDir) {
		t.Fatalf("into a missing folder: %v, want ErrNoDir", err)
	}
}
