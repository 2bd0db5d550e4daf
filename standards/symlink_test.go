package standards

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// TestSymlinkOutside: a data or standards file that a symbolic link (of
// the file, or of a folder on its way) leads out of the plan's folder is
// not read; the problem names the key, and says nothing of the file's
// content (issue 20 §8). A link that stays inside is read.
func TestSymlinkOutside(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.csv")
	if err := os.WriteFile(secret, []byte("SECRET_TOKEN_4711,x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	plan, _ := tinyWithData(t)
	std, _ := splitTiny(t)
	for _, tt := range []struct {
		name, plan, link, key string
	}{
		{"data linked out", plan, "data.csv", "plan.data"},
		{"data in a folder linked out", strings.Replace(plan, `data = "data.csv"`, `data = "in/secret.csv"`, 1), "in", "plan.data"},
		{"standards linked out", std, "std.toml", "plan.standards"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			name := writePlan(t, tt.plan, "")
			target := secret
			if tt.link == "in" {
				target = filepath.Dir(secret)
			}
			if err := os.Symlink(target, filepath.Join(filepath.Dir(name), tt.link)); err != nil {
				t.Fatal(err)
			}
			fd := &fakeData{}
			_, err := LoadFile(name, WithData(fd.read))
			var ip *formula.InvalidPlanError
			if !errors.As(err, &ip) {
				t.Fatalf("err = %v, want the plan refused", err)
			}
			if fd.calls > 0 {
				t.Error("the data file was read")
			}
			found := false
			for _, p := range ip.Problems {
				text := msg.Problem(msg.Zh, p) + msg.Problem(msg.En, p)
				if strings.Contains(text, "SECRET") {
					t.Errorf("a message echoes the file: %s", text)
				}
				if p.Path == tt.key && p.Code == formula.CodeUnreadable && strings.Contains(text, "符号链接") {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem at %s saying so: %v", tt.key, ip.Problems)
			}
		})
	}
	t.Run("a link inside the folder", func(t *testing.T) {
		name := writeData(t, plan)
		dir := filepath.Dir(name)
		if err := os.Rename(filepath.Join(dir, "data.csv"), filepath.Join(dir, "real.csv")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.csv", filepath.Join(dir, "data.csv")); err != nil {
			t.Fatal(err)
		}
		_, subs := tinyWithData(t)
		fd := &fakeData{subs: subs}
		if _, err := LoadFile(name, WithData(fd.read)); err != nil || fd.calls != 1 {
			t.Fatalf("err = %v, %d reads", err, fd.calls)
		}
	})
}
