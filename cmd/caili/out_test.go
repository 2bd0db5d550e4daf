package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutRefused: --out replaces only a regular file in a folder that
// exists. A FIFO, a link, a folder, a device (made here: /dev/full, which
// --out once replaced when run as root) or a path in a missing folder is
// refused with exit status 1 and a message that says why, and left as it
// was; nothing is created.
func TestOutRefused(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.csv")
	if err := os.WriteFile(target, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(p string) error
		msg   string
	}{
		{"fifo.csv", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "不是普通文件（是命名管道 (FIFO)）"},
		{"link.csv", func(p string) error { return os.Symlink(target, p) }, "不是普通文件（是符号链接）"},
		{"folder.csv", func(p string) error { return os.Mkdir(p, 0o755) }, "不是普通文件（是文件夹）"},
		{"full.csv", func(p string) error { return syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|7) }, "不是普通文件（是设备）"},
		{"missing/out.csv", nil, "文件夹 " + filepath.Join(dir, "missing") + " 不存在"},
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
			_, stderr, code := caili(t, "calc", "--plan", "../../testdata/tiny/plan.toml", "--format", "csv", "--out", p)
			if code != 1 || !strings.Contains(stderr, "caili: --out: ") || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d: %s", code, stderr)
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
		t.Error("--out created a folder")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestOutReplaces: --out replaces a regular file by a new one, renamed
// into place, holding what standard output would have.
func TestOutReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(out)
	want, _, _ := caili(t, "calc", "--plan", "../../testdata/tiny/plan.toml", "--format", "csv")
	if _, stderr, code := caili(t, "calc", "--plan", "../../testdata/tiny/plan.toml", "--format", "csv", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || string(b) != want {
		t.Errorf("--out holds %q, %v", b, err)
	}
	if after, _ := os.Stat(out); os.SameFile(before, after) {
		t.Error("the file was written in place, not replaced")
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestPlanNotRegular: a --plan that is a FIFO or a device, or a plan
// whose standards file is one, is refused at once with exit status 1.
func TestPlanNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, p := range []string{fifo, "/dev/zero"} {
		if _, stderr, code := caili(t, "validate", "--plan", p); code != 1 || !strings.Contains(stderr, p+": 无法读取方案文件:不是普通文件") {
			t.Errorf("--plan %s: exit %d: %s", p, code, stderr)
		}
	}
	plan, err := os.ReadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	for std, msg := range map[string]string{"fifo.toml": "不是普通文件", "/dev/zero": "必须在方案所在的文件夹内"} {
		text := strings.Replace(string(plan), "[plan]\n", "[plan]\nstandards = \""+std+"\"\n", 1)
		if err := os.WriteFile(filepath.Join(dir, "plan.toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := caili(t, "validate", "--plan", filepath.Join(dir, "plan.toml"))
		if code != 1 || !strings.Contains(stderr, "plan.toml:5: plan.standards: ") || !strings.Contains(stderr, msg) {
			t.Errorf("standards = %q: exit %d: %s", std, code, stderr)
		}
	}
}
