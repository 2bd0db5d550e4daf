package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/store/sqlite"
	"github.com/caili/caili/standards/workbook"
)

const cliUses = `
[[use]]
id = "community"
name = "社区服务"
function_codes = ["2080208"]
`

// yearBreakdown is a breakdown workbook of one line per amount.
func yearBreakdown(t *testing.T, amounts ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", workbook.SheetBreakdown)
	f.SetSheetRow(workbook.SheetBreakdown, "A1", &[]any{"项目名称", "使用方向", "功能科目", "经济科目", "金额", "绩效目标"})
	for i, a := range amounts {
		f.SetSheetRow(workbook.SheetBreakdown, "A"+decimal.NewFromInt(int64(i+2)).String(), &[]any{"项目", "community", "2080208", "", a, "目标"})
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestYearCommands: the planner's and approver's side of the year on the
// command line — status, submissions with their problems, acceptance
// into a draft (and the plans folder's file), 控制数, breakdowns returned
// and accepted, 批复, and the audit log.
func TestYearCommands(t *testing.T) {
	ctx := context.Background()
	plan, text, data := tinyRecord(t)
	if err := os.WriteFile(plan, append(text, cliUses...), 0o644); err != nil {
		t.Fatal(err)
	}
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	if out := rec(t, 0, "year", "open", "--id", "tiny", "--note", "3 月 1 日前报送", "--data", data); !strings.Contains(out, "一上已开始") {
		t.Errorf("open: %s", out)
	}
	if out := rec(t, 0, "year", "open", "--id", "tiny", "--data", data); !strings.Contains(out, "一上已于") {
		t.Errorf("open twice: %s", out)
	}
	csv := filepath.Join(t.TempDir(), "east.csv")
	rec(t, 0, "template", "--plan", plan, "--subdistrict", "east", "--out", csv)
	b, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	east := domain.Actor{ID: "teast", Role: domain.RoleSubdistrict, Subdistrict: "east"}
	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\r\n")
	head, row := strings.Split(lines[0], ","), strings.Split(lines[1], ",")
	for i, h := range head {
		if h == "population" {
			row[i] = "many"
		}
	}
	bad := strings.Join([]string{lines[0], strings.Join(row, ",")}, "\r\n")
	if _, err := app.SubmitDataIn(ctx, st, east, "tiny", "east.csv", []byte(bad)); err == nil {
		t.Fatal("a bad value submitted")
	}
	if _, err := app.SubmitDataIn(ctx, st, east, "tiny", "east.csv", []byte(strings.Replace(bad, "many", "90000", 1))); err != nil {
		t.Fatal(err)
	}
	st.Close()

	status := rec(t, 0, "year", "status", "--id", "tiny", "--data", data)
	if !strings.Contains(status, "一上") || !strings.Contains(status, "3 月 1 日前报送") || !regexp.MustCompile(`east\s+东街道\s+已提交\s+未提交`).MatchString(status) ||
		!regexp.MustCompile(`west\s+西街道\s+未提交`).MatchString(status) {
		t.Errorf("status:\n%s", status)
	}
	list := rec(t, 0, "year", "submissions", "--id", "tiny", "--data", data)
	if !strings.Contains(list, "有问题") || !strings.Contains(list, "bad_value") || !strings.Contains(list, "已提交") {
		t.Errorf("submissions:\n%s", list)
	}
	rec(t, 2, "year", "accept", "--data", data)
	if out := rec(t, 0, "year", "accept", "--id", "tiny", "--plans", filepath.Dir(plan), "--data", data); !strings.Contains(out, "草案第 2 版") {
		t.Errorf("accept: %s", out)
	}
	if b, _ := os.ReadFile(plan); !strings.Contains(string(b), "population = 90000") {
		t.Errorf("the plans folder's file was not written")
	}
	rec(t, 0, "plan", "approve", "--single-user", "--id", "tiny", "--data", data, "2")
	rec(t, 1, "year", "publish", "--id", "tiny", "--kind", "控制数", "--data", data, "2") // no 文号
	if out := rec(t, 0, "year", "publish", "--single-user", "--id", "tiny", "--kind", "控制数", "--wenhao", "示财预〔2025〕1号",
		"--date", "2025-01-10", "--data", data, "2"); !strings.Contains(out, "控制数") || !strings.Contains(out, "示财预〔2025〕1号") {
		t.Errorf("publish: %s", out)
	}

	// 二上: a breakdown one unit off, then the right one.
	if st, err = sqlite.OpenDir(ctx, data); err != nil {
		t.Fatal(err)
	}
	pub, err := st.PublicationOf(ctx, "tiny", 2)
	if err != nil {
		t.Fatal(err)
	}
	var res report.Allocations
	if err := json.Unmarshal(pub.Result, &res); err != nil {
		t.Fatal(err)
	}
	c := res.Subdistricts[0].Columns
	fig := decimal.RequireFromString(c.Incentive).Add(decimal.RequireFromString(c.Block)).Add(decimal.RequireFromString(c.Damping))
	if _, err := app.SubmitBreakdownIn(ctx, st, east, "tiny", "b.xlsx", yearBreakdown(t, fig.Sub(decimal.NewFromInt(1)).String())); err == nil {
		t.Error("a breakdown one unit off was taken")
	}
	first, err := app.SubmitBreakdownIn(ctx, st, east, "tiny", "b.xlsx", yearBreakdown(t, "1", fig.Sub(decimal.NewFromInt(1)).String()))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	n := decimal.NewFromInt(int64(first.N)).String()
	rec(t, 1, "year", "breakdown", "return", "--id", "tiny", "--data", data, n) // no reason
	if out := rec(t, 0, "year", "breakdown", "return", "--id", "tiny", "--reason", "项目过细", "--data", data, n); !strings.Contains(out, "已退回:项目过细") {
		t.Errorf("return: %s", out)
	}
	if st, err = sqlite.OpenDir(ctx, data); err != nil {
		t.Fatal(err)
	}
	second, err := app.SubmitBreakdownIn(ctx, st, east, "tiny", "b.xlsx", yearBreakdown(t, fig.String()))
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	rec(t, 0, "year", "breakdown", "accept", "--id", "tiny", "--data", data, decimal.NewFromInt(int64(second.N)).String())
	if out := rec(t, 0, "year", "breakdowns", "--id", "tiny", "--data", data); !strings.Contains(out, fig.String()) || !strings.Contains(out, "已采纳") {
		t.Errorf("breakdowns:\n%s", out)
	}
	rec(t, 0, "year", "publish", "--single-user", "--id", "tiny", "--kind", "批复", "--wenhao", "示财预〔2025〕9号", "--data", data, "2")
	if out := rec(t, 0, "year", "status", "--id", "tiny", "--data", data); !strings.Contains(out, "二下") || !strings.Contains(out, "示财预〔2025〕9号") {
		t.Errorf("status at 二下:\n%s", out)
	}
	audit := rec(t, 0, "audit", "--limit", "100", "--data", data)
	for _, a := range []string{"year.submit.data", "year.accept.data", "year.publish.control", "year.return.breakdown", "year.publish.approval"} {
		if !strings.Contains(audit, a) {
			t.Errorf("audit without %s", a)
		}
	}
}
