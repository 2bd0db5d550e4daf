package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "sub", "s.toml")
	if err := Write(name, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("two"), 0o640); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil || string(b) != "two" {
		t.Fatalf("read %q, %v", b, err)
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v", fi.Mode().Perm())
	}
	// Writing over a directory fails and leaves no temporary file.
	if err := Write(filepath.Join(dir, "sub"), []byte("x"), 0o640); err == nil {
		t.Error("replacing a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	sub, _ := os.ReadDir(filepath.Join(dir, "sub"))
	if len(sub) != 1 {
		t.Errorf("left behind in sub: %v", sub)
	}
}

func TestSyncDir(t *testing.T) {
	if err := SyncDir(t.TempDir()); err != nil {
		t.Error(err)
	}
	if err := SyncDir(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("syncing a missing directory succeeded")
	}
}
