package standards

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/safefile"
)

// TestStandardsFileRefused: the file a plan names for its standards must
// be a regular file inside the plan's folder, of at most 16 MiB. Anything
// else is a problem of the plan at plan.standards — never a hang, never a
// read of a device — and nothing of the named file is shown.
func TestStandardsFileRefused(t *testing.T) {
	plan, std := splitTiny(t)
	secret := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(secret, []byte("top-secret = 1\n"+std), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, standards string
		setup           func(dir string) error
		msg             string
	}{
		{"a FIFO", "fifo.toml", func(dir string) error { return syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644) }, "not a regular file"},
		{"a link to a device", "zero.toml", func(dir string) error { return os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")) }, "outside the plan's folder"},
		{"a folder", "sub", func(dir string) error { return os.Mkdir(filepath.Join(dir, "sub"), 0o755) }, "not a regular file"},
		{"too large", "big.toml", func(dir string) error {
			big := filepath.Join(dir, "big.toml")
			if err := os.WriteFile(big, nil, 0o644); err != nil {
				return err
			}
			return os.Truncate(big, safefile.MaxInput+1)
		}, "too large"},
		{"a device", "/dev/zero", nil, "inside the plan's folder"},
		{"an absolute path", secret, nil, "必须在方案所在的文件夹内"},
		{"a way out", "../" + filepath.Base(filepath.Dir(secret)) + "/secret.toml", nil, "no absolute path, no \"..\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := writePlan(t, strings.Replace(plan, `"std.toml"`, `"`+tt.standards+`"`, 1), "")
			if tt.setup != nil {
				if err := tt.setup(filepath.Dir(name)); err != nil {
					t.Skip(err)
				}
			}
			_, err := LoadFile(name)
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || len(se.Problems) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			p := se.Problems[0]
			if p.File != "plan.toml" || p.Path != "plan.standards" || p.Code != formula.CodeUnreadable || p.Line == 0 || !says(p, tt.msg) {
				t.Errorf("got %s", p)
			}
			if strings.Contains(err.Error(), "top-secret") {
				t.Errorf("the file's content is shown: %v", err)
			}
		})
	}
	// The rule holds whatever the reader: here, a file system that has the
	// file outside the plan's folder.
	fsys := fstest.MapFS{"plans/plan.toml": {Data: []byte(strings.Replace(plan, `"std.toml"`, `"../std.toml"`, 1))}, "std.toml": {Data: []byte(std)}}
	if _, err := LoadFS(fsys, "plans/plan.toml"); err == nil || !strings.Contains(err.Error(), "plan.standards") {
		t.Errorf("LoadFS read a file outside the plan's folder: %v", err)
	}
}

// TestPlanFileRefused: a plan file that is not a regular file is refused,
// naming it, before anything is read from it.
func TestPlanFileRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, name := range []string{fifo, "/dev/zero", dir} {
		_, err := LoadFile(name)
		if !errors.Is(err, safefile.ErrNotRegular) || !strings.Contains(err.Error(), name) {
			t.Errorf("LoadFile(%s): %v", name, err)
		}
	}
	if _, err := LoadFile(filepath.Join(dir, "none.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing plan: %v", err)
	}
}
