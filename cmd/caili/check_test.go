package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/report/checkxlsx"
	"github.com/caili/caili/internal/testplan"
)

// TestCalcCheckXLSX writes the 复核 workbook with calc --format
// check-xlsx: the bytes of checkxlsx.Write on the same result, only to
// --out; compare refuses the format.
func TestCalcCheckXLSX(t *testing.T) {
	out := filepath.Join(t.TempDir(), "check.xlsx")
	plan := "../../testdata/tiny/plan.toml"
	if _, stderr, code := caili(t, "calc", "--plan", plan, "--set", "plan.capacity=59000000", "--format", "check-xlsx", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	res := testplan.File(t, plan, "plan.capacity=59000000")
	if err := checkxlsx.Write(&want, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("calc --format check-xlsx differs from checkxlsx.Write")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"calc", "--format", "check-xlsx"}, "--out"},
		{[]string{"compare", "--set", "plan.capacity=59000000", "--format", "check-xlsx"}, "check-xlsx"},
	} {
		_, stderr, code := caili(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}
