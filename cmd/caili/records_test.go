package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rec runs the command line and returns stdout, failing on an error
// unless wantExit is not 0.
func rec(t *testing.T, wantExit int, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	if got := exitCode(err); got != wantExit {
		t.Fatalf("caili %s: exit %d (%v), want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), got, err, wantExit, out.String(), errb.String())
	}
	return out.String() + errb.String()
}

// TestPlanCommands: save, list, show, diff, approve, publish on the
// database file of a data folder, and the audit log they leave.
func TestPlanCommands(t *testing.T) {
	plan, b, data := tinyRecord(t)
	if out := rec(t, 0, "plan", "save", "--plan", plan, "--note", "初稿", "--data", data); !strings.Contains(out, "已保存草案 tiny 第 1 版") {
		t.Errorf("save: %s", out)
	}
	if out := rec(t, 0, "plan", "save", "--plan", plan, "--data", data); !strings.Contains(out, "未改变") {
		t.Errorf("save unchanged: %s", out)
	}
	os.WriteFile(plan, bytes.Replace(b, []byte(`capacity = "60000000"`), []byte(`capacity = "61000000"`), 1), 0o644)
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	list := rec(t, 0, "plan", "list", "--id", "tiny", "--data", data)
	if !regexp.MustCompile(`(?m)^1\s+草案.*初稿`).MatchString(list) || !regexp.MustCompile(`(?m)^2\s+草案`).MatchString(list) {
		t.Errorf("list:\n%s", list)
	}
	diff := rec(t, 0, "plan", "diff", "--id", "tiny", "--data", data, "1", "2")
	if !strings.Contains(diff, "tiny.toml plan.capacity: 60000000 → 61000000") || !strings.Contains(diff, "east") {
		t.Errorf("diff:\n%s", diff)
	}
	// The change is attributed to its one cause, the capacity.
	if !strings.Contains(diff, "变化归因") || !strings.Contains(diff, "plan.capacity") {
		t.Errorf("diff without its attribution:\n%s", diff)
	}
	if out := rec(t, 1, "plan", "publish", "--single-user", "--id", "tiny", "--data", data, "2"); !strings.Contains(out, "审批") {
		t.Errorf("publish a draft: %s", out)
	}
	rec(t, 0, "plan", "approve", "--single-user", "--id", "tiny", "--data", data, "2")
	pub := rec(t, 0, "plan", "publish", "--single-user", "--id", "tiny", "--data", data, "2")
	if !regexp.MustCompile(`^已发布 \d{4}-\d\d-\d\d [0-9a-f]{8} — tiny 第 2 版`).MatchString(pub) {
		t.Errorf("publish: %s", pub)
	}
	show := rec(t, 0, "plan", "show", "--id", "tiny", "--data", data, "2")
	if !strings.Contains(show, "第 2 版 已发布") || !strings.Contains(show, "文件 tiny.toml") {
		t.Errorf("show:\n%s", show)
	}
	audit := rec(t, 0, "audit", "--data", data)
	for _, a := range []string{"version.save", "version.approve", "version.publish"} {
		if !strings.Contains(audit, a) {
			t.Errorf("audit without %s:\n%s", a, audit)
		}
	}
	rec(t, 2, "plan", "show", "--id", "tiny", "--data", data, "x")
	rec(t, 2, "plan", "list", "--data", data)
	rec(t, 2, "plan", "nope")
	rec(t, 1, "plan", "show", "--id", "tiny", "--data", data, "9")
}

// TestTokenCommands: a token is printed once, listed without its
// secret, and revoked.
func TestTokenCommands(t *testing.T) {
	data := t.TempDir()
	out := rec(t, 0, "token", "create", "--role", "subdistrict", "--subdistrict", "desheng", "--note", "德胜街道", "--data", data)
	secret := regexp.MustCompile(`caili_[0-9a-f]{64}`).FindString(out)
	id := regexp.MustCompile(`令牌 (t[0-9a-f]{10})`).FindStringSubmatch(out)
	if secret == "" || id == nil {
		t.Fatalf("create: %s", out)
	}
	list := rec(t, 0, "token", "list", "--data", data)
	if strings.Contains(list, secret) || !strings.Contains(list, id[1]) || !strings.Contains(list, "desheng") || !strings.Contains(list, "有效") {
		t.Errorf("list:\n%s", list)
	}
	rec(t, 0, "token", "revoke", id[1], "--data", data) // as the docs write it
	if list := rec(t, 0, "token", "list", "--data", data); !strings.Contains(list, "已吊销") {
		t.Errorf("list after revoke:\n%s", list)
	}
	rec(t, 1, "token", "revoke", "--data", data, id[1])
	rec(t, 1, "token", "create", "--role", "subdistrict", "--data", data)
	rec(t, 1, "token", "create", "--role", "root", "--data", data)
	rec(t, 2, "token", "create", "--data", data)
	if out := rec(t, 0, "token", "create", "--role", "reader", "--data", data); !strings.Contains(out, "reader") {
		t.Errorf("a reader token: %s", out)
	}
}

// TestTokenForSubdistrictByName: a 街道 token may name its 街道 by name,
// in the sample or in --plan; a 街道 the plan does not have is refused,
// with the nearest suggested, and no token is made.
func TestTokenForSubdistrictByName(t *testing.T) {
	data := t.TempDir()
	if out := rec(t, 0, "token", "create", "--role", "subdistrict", "--subdistrict", "德胜街道", "--data", data); !strings.Contains(out, "subdistrict desheng") {
		t.Errorf("by name: %s", out)
	}
	plan := filepath.Join("..", "..", "testdata", "tiny", "plan.toml")
	if out := rec(t, 0, "token", "create", "--role", "subdistrict", "--subdistrict", "north", "--plan", plan, "--data", data); !strings.Contains(out, "subdistrict north") {
		t.Errorf("in --plan: %s", out)
	}
	_, stderr, code := caili(t, "token", "create", "--role", "subdistrict", "--subdistrict", "德盛街道", "--data", data)
	if code != 1 || !strings.Contains(stderr, "您是不是要找 desheng / 德胜街道") {
		t.Errorf("an unknown 街道: %d %s", code, stderr)
	}
	if list := rec(t, 0, "token", "list", "--data", data); strings.Count(list, "subdistrict") != 2 {
		t.Errorf("tokens:\n%s", list)
	}
}

// TestBackupRestoreCommands: a backup never overwrites; a restore goes
// into an empty folder, or with --replace keeps the old database.
func TestBackupRestoreCommands(t *testing.T) {
	data := t.TempDir()
	rec(t, 0, "plan", "save", "--data", data)
	out := filepath.Join(t.TempDir(), "caili-backup.db")
	rec(t, 0, "backup", "--out", out, "--data", data)
	rec(t, 1, "backup", "--out", out, "--data", data)
	restored := filepath.Join(t.TempDir(), "new")
	rec(t, 0, "restore", "--data", restored, out)
	if list := rec(t, 0, "plan", "list", "--id", "sample", "--data", restored); !strings.Contains(list, "草案") {
		t.Errorf("restored list:\n%s", list)
	}
	rec(t, 1, "restore", "--data", restored, out)
	if msg := rec(t, 0, "restore", "--replace", "--data", restored, out); !strings.Contains(msg, "caili.db.replaced-") {
		t.Errorf("restore --replace: %s", msg)
	}
	rec(t, 2, "restore", "--data", restored)
}

// TestPlanDiffOfDataWorkbook: a changed data workbook is named with its
// hash, and the sub-district data it changed is listed key by key.
func TestPlanDiffOfDataWorkbook(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	for _, n := range []string{"plan-xlsx.toml", "standards.toml", "subdistricts.xlsx"} {
		b, err := os.ReadFile("../../configs/" + n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := filepath.Join(dir, "plan-xlsx.toml")
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	wb := filepath.Join(dir, "subdistricts.xlsx")
	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("街道数据", "E3"); v != "12" {
		t.Fatalf("E3 is %q; the sample workbook changed", v)
	}
	f.SetCellValue("街道数据", "E3", 13)
	if err := f.SaveAs(wb); err != nil {
		t.Fatal(err)
	}
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	diff := rec(t, 0, "plan", "diff", "--id", "plan-xlsx", "--data", data, "1", "2")
	if !regexp.MustCompile(`subdistricts\.xlsx : sha256:[0-9a-f]{8} → sha256:[0-9a-f]{8}`).MatchString(diff) ||
		!strings.Contains(diff, "街道数据 data subdistrict.xichangan.quantities.communities: 12 → 13") {
		t.Errorf("diff:\n%s", diff)
	}
}

// tinyRecord copies the tiny plan into a temporary folder as tiny.toml
// and names a data folder for its record: the plan's path, its bytes
// and the data folder.
func tinyRecord(t *testing.T) (plan string, text []byte, data string) {
	t.Helper()
	text, err := os.ReadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	plan = filepath.Join(t.TempDir(), "tiny.toml")
	if err := os.WriteFile(plan, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return plan, text, filepath.Join(t.TempDir(), "data")
}
