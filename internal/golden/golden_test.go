package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.failures = append(r.failures, fmt.Sprint(args...))
	runtime.Goexit()
}

// check runs Check with a recorder, as a test would, and returns its
// failures.
func check(t *testing.T, path string, got []byte) []string {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Check(r, path, got)
	}()
	<-done
	return r.failures
}

// TestCheck: a golden file equal to the output passes; one that differs,
// or is missing, fails, saying where and how to rewrite it.
func TestCheck(t *testing.T) {
	defer func(u bool) { *update = u }(*update)
	*update = false
	dir := t.TempDir()
	path := filepath.Join(dir, "page.txt")
	if err := os.WriteFile(path, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, got string
		want            []string // substrings of the one failure; none: passes
	}{
		{"equal", path, "one\ntwo\n", nil},
		{"a line differs", path, "one\nthree\n", []string{path, "line 2 differs", `got "three"`, `want "two"`, "-update"}},
		{"longer", path, "one\ntwo\nthree\n", []string{"line 3 differs", `got "three"`}},
		{"no final newline", path, "one\ntwo", []string{"2 lines, want 3", "7 bytes, want 8"}},
		{"missing", filepath.Join(dir, "none.txt"), "x", []string{"none.txt", "-update to create it"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := check(t, tt.path, []byte(tt.got))
			if tt.want == nil {
				if len(got) != 0 {
					t.Errorf("failures %q, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("failures %q, want one", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0], w) {
					t.Errorf("failure %q lacks %q", got[0], w)
				}
			}
		})
	}
}

// TestCheckUpdate: with -update, Check writes the output, creating the
// folder, and passes.
func TestCheckUpdate(t *testing.T) {
	defer func(u bool) { *update = u }(*update)
	*update = true
	path := filepath.Join(t.TempDir(), "new", "out.txt")
	if f := check(t, path, []byte("fresh\n")); len(f) != 0 {
		t.Fatalf("failures %q", f)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "fresh\n" {
		t.Errorf("golden file holds %q, %v", b, err)
	}
}

func ExampleDiff() {
	fmt.Println(Diff([]byte("a\nb\n"), []byte("a\nb\n")) == "")
	fmt.Println(Diff([]byte("a\nb\n"), []byte("a\nc\n")))
	// Output:
	// true
	// line 2 differs:
	//  got "c"
	// want "b"
}
