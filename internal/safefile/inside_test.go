package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestReadInside: links followed, a file must land inside its folder,
// itself resolved (a folder reached through a link is its target).
func TestReadInside(t *testing.T) {
	base := t.TempDir()
	plans, outside := filepath.Join(base, "plans"), filepath.Join(base, "outside")
	for _, d := range []string{plans, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(plans, "a.csv"))
	write(filepath.Join(outside, "secret.csv"))
	link("a.csv", filepath.Join(plans, "b.csv"))
	link(filepath.Join(outside, "secret.csv"), filepath.Join(plans, "c.csv"))
	link(outside, filepath.Join(plans, "dir"))
	link(plans, filepath.Join(base, "plans-link"))
	for _, tt := range []struct {
		dir, name string
		want      error
	}{
		{plans, "a.csv", nil},
		{plans, "b.csv", nil},
		{filepath.Join(base, "plans-link"), "b.csv", nil},
		{plans, "c.csv", ErrOutside},
		{plans, "dir/secret.csv", ErrOutside},
		{plans, "../outside/secret.csv", ErrOutside},
		{plans, filepath.Join(outside, "secret.csv"), ErrOutside},
		{filepath.Join(base, "plans-link"), "c.csv", ErrOutside},
	} {
		data, _, err := ReadInside(tt.dir, tt.name, 10)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("%s in %s: err %v, want %v", tt.name, tt.dir, err, tt.want)
		}
		if tt.want != nil && data != nil {
			t.Errorf("%s: read", tt.name)
		}
	}
}
