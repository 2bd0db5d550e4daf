package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "s.toml")
	if err := Replace(name, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(name)
	if err := Replace(name, []byte("two"), 0o640); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil || string(b) != "two" {
		t.Fatalf("read %q, %v", b, err)
	}
	after, _ := os.Stat(name)
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v", fi.Mode().Perm())
	}
	// Replaced by a rename, not written in place: a reader holding the old
	// file keeps the old contents.
	if os.SameFile(before, after) {
		t.Error("the file was written in place")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestReplaceRefused: Replace replaces only a regular file, and creates
// no folder; whatever it refuses is left as it was, with no temporary file.
func TestReplaceRefused(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(p string) error
		want  error
		msg   string
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, ErrNotRegular, "命名管道 (FIFO)"},
		{"link", func(p string) error { return os.Symlink(target, p) }, ErrNotRegular, "不是普通文件（是符号链接）"},
		{"directory", func(p string) error { return os.Mkdir(p, 0o755) }, ErrNotRegular, "不会替换"},
		{"missing/out.csv", nil, ErrNoDir, "不存在,无法写入"},
		{"target/out.csv", nil, ErrNoDir, "不是文件夹,无法写入"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name)
			if tt.setup != nil {
				if err := tt.setup(p); err != nil {
					t.Skip(err)
				}
			}
			before, _ := os.Lstat(p)
			err := Replace(p, []byte("new"), 0o644)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), p) {
				t.Fatalf("got %v", err)
			}
			after, _ := os.Lstat(p)
			if (before == nil) != (after == nil) || before != nil && (!os.SameFile(before, after) || before.Mode() != after.Mode()) {
				t.Errorf("%s changed: %v → %v", p, before, after)
			}
		})
	}
	if b, _ := os.ReadFile(target); string(b) != "kept" {
		t.Errorf("the link's target was written: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("a folder was created")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestReplaceDevice: a device node (/dev/full, written to as root) is
// refused, never replaced. The node is made here, so that a failure
// cannot replace the system's.
func TestReplaceDevice(t *testing.T) {
	full := filepath.Join(t.TempDir(), "full")
	if err := syscall.Mknod(full, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
		t.Skipf("cannot make a device node (not root?): %v", err)
	}
	err := Replace(full, []byte("x"), 0o644)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "不是普通文件（是设备）") {
		t.Fatalf("got %v", err)
	}
	if fi, err := os.Lstat(full); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("%s is no longer a device: %v %v", full, fi, err)
	}
}

// TestWrite: Write creates the folder it writes in, and it too refuses
// what is not a regular file.
func TestWrite(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a", "b", "s.toml")
	if err := Write(name, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(name); err != nil || string(b) != "one" {
		t.Fatalf("read %q, %v", b, err)
	}
	if err := Write(filepath.Dir(name), []byte("x"), 0o640); !errors.Is(err, ErrNotRegular) {
		t.Errorf("replacing a directory: %v", err)
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
