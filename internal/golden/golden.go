// Package golden compares a test's output with a golden file, the bytes
// an earlier, reviewed run produced. It is used by tests only (the
// architecture test forbids it to non-test code).
//
// One flag, -update, shared by every test binary that imports the
// package, rewrites the golden files with what the tests produce instead
// of comparing: run `go test ./some/pkg -update` after an intended change
// and review the diff. A missing golden file fails the test, naming the
// flag.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// update is the -update flag of every test binary that imports golden.
var update = flag.Bool("update", false, "rewrite the golden files with the tests' output instead of comparing")

// Check compares got with the golden file at path and fails t, naming the
// first line that differs, when they are not byte-identical. With -update
// it writes got to path first (creating its folder), so the comparison
// then passes.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := write(path, got); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (run go test -update to create it)", err)
	}
	if d := Diff(want, got); d != "" {
		t.Errorf("%s: %s (run go test -update if the change is meant, and review the diff)", path, d)
	}
}

// write writes b to path, creating its folder.
func write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("update golden file: %w", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("update golden file: %w", err)
	}
	return nil
}

// Diff describes how got differs from want: empty when they are
// byte-identical, else the first line (counted from 1) that differs,
// both ways, or how their lengths differ.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range min(len(w), len(g)) {
		if !bytes.Equal(w[i], g[i]) {
			return fmt.Sprintf("line %d differs:\n got %s\nwant %s", i+1, clip(g[i]), clip(w[i]))
		}
	}
	return fmt.Sprintf("%d lines, want %d (%d bytes, want %d)", len(g), len(w), len(got), len(want))
}

// clip shortens a line for a failure message.
func clip(line []byte) string {
	const n = 300
	if len(line) <= n {
		return fmt.Sprintf("%q", line)
	}
	return fmt.Sprintf("%q…", line[:n])
}
