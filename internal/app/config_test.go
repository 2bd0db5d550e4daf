package app

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// TestDataDirMustBeAFolder: --data naming a regular file fails at start.
func TestDataDirMustBeAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := New(Config{DataDir: file, Logger: slog.New(slog.DiscardHandler)})
	var ae *caili.Error
	if !errors.As(err, &ae) || !strings.Contains(msg.ErrorWords(msg.En, ae), "is not a folder") {
		t.Errorf("New with a file as data folder: %v", err)
	}
	if _, err := New(Config{DataDir: filepath.Join(t.TempDir(), "new"), Logger: slog.New(slog.DiscardHandler)}); err != nil {
		t.Errorf("New with a data folder still to make: %v", err)
	}
}

// TestStaleTempFilesRemoved: temporary files an interrupted save left
// are removed at start once stale; a fresh one (a save in progress in
// another process) and real scenarios are kept.
func TestStaleTempFilesRemoved(t *testing.T) {
	data := t.TempDir()
	dir := filepath.Join(data, "scenarios", "sample")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, age time.Duration) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := write(".cut.toml.tmp-123", 2*time.Hour)
	fresh := write(".cut.toml.tmp-456", time.Minute)
	real := write("cut.toml", 2*time.Hour)
	if _, err := New(Config{DataDir: data, Logger: slog.New(slog.DiscardHandler)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	for _, p := range []string{fresh, real} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(p), err)
		}
	}
}

// TestDiskReason: a failed write says why without a path.
func TestDiskReason(t *testing.T) {
	for err, want := range map[error]string{
		&fs.PathError{Op: "open", Path: "/srv/caili/x", Err: syscall.ENOSPC}: "no space",
		&fs.PathError{Op: "open", Path: "/srv/caili/x", Err: syscall.EROFS}:  "read-only",
		&fs.PathError{Op: "open", Path: "/srv/caili/x", Err: syscall.EACCES}: "may not write",
		errors.New("other"): "",
	} {
		got := msg.Verbatim.In(msg.En, caili.DiskReason(err))
		if want == "" && got != "" || !strings.Contains(got, want) || strings.Contains(got, "/srv") {
			t.Errorf("DiskReason(%v) = %q, want …%s…", err, got, want)
		}
	}
}
