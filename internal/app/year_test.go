package app

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// TestKindRequest: a kind by its Chinese name, English name or id; a
// 文号 always; a reason for an adjustment; a date in YYYY-MM-DD.
func TestKindRequest(t *testing.T) {
	for _, tc := range []struct {
		r    KindRequest
		kind string
		err  msg.Message
	}{
		{KindRequest{Kind: "控制数", Wenhao: "x"}, caili.KindControl, msg.Message{}},
		{KindRequest{Kind: "approved budget", Wenhao: "x"}, caili.KindApproval, msg.Message{}},
		{KindRequest{Kind: "adjust", Wenhao: "x", Reason: "追加"}, caili.KindAdjust, msg.Message{}},
		{KindRequest{Kind: "调整", Wenhao: "x"}, "", msg.YearAdjustNeedsReason},
		{KindRequest{Kind: "预算", Wenhao: "x"}, "", msg.YearBadKind},
		{KindRequest{Kind: "批复", Wenhao: " "}, "", msg.YearNeedsWenhao},
		{KindRequest{Kind: "批复", Wenhao: strings.Repeat("文", maxWenhaoRunes+1)}, "", msg.YearWenhaoTooLong},
		{KindRequest{Kind: "批复", Wenhao: "x", IssuedOn: "2025-13-01"}, "", msg.YearBadDate},
	} {
		kp, err := kindOf(tc.r)
		if tc.kind != "" {
			if err != nil || kp.Kind != tc.kind || kp.IssuedOn == "" {
				t.Errorf("%+v: %+v %v", tc.r, kp, err)
			}
			continue
		}
		if e := Classify(err); err == nil || e.Kind != caili.KindBadRequest || e.Says[0].Text != caili.Text(tc.err.Key()) {
			t.Errorf("%+v: %v, want %s", tc.r, err, tc.err.Key())
		}
	}
}

// TestCheckBreakdown: each line's use among the plan's (by id or name),
// codes the use allows and well formed, the sum the figure to the unit;
// each problem at its cell.
func TestCheckBreakdown(t *testing.T) {
	f := &Figure{Amount: decimal.NewFromInt(1000), Uses: []standards.Use{
		{ID: "shequ", Name: "社区建设", FunctionCodes: []string{"2080208"}, EconomicCodes: []string{"30299"}},
		{ID: "pingan", Name: "平安建设", FunctionCodes: []string{"2040299"}}}}
	line := func(row int, use, fn, econ string, amount int64) workbook.BreakdownLine {
		l := workbook.BreakdownLine{Row: row, Name: "项目", Use: use, Function: fn, Economic: econ, Amount: decimal.NewFromInt(amount), Goal: "目标"}
		for i := range l.Cells {
			l.Cells[i] = "项目分解!" + string(rune('A'+i)) + decimal.NewFromInt(int64(row)).String()
		}
		return l
	}
	for _, tc := range []struct {
		name  string
		lines []workbook.BreakdownLine
		want  []string // cell: code
	}{
		{"right", []workbook.BreakdownLine{line(2, "shequ", "2080208", "30299", 600), line(3, "平安建设", "2040299", "", 400)}, nil},
		{"one unit off", []workbook.BreakdownLine{line(2, "shequ", "2080208", "", 999)}, []string{"项目分解: bad_value"}},
		{"a use not permitted", []workbook.BreakdownLine{line(2, "烟花", "2080208", "", 1000)}, []string{"项目分解!B2: unknown_ref"}},
		{"a function code the use does not allow", []workbook.BreakdownLine{line(2, "pingan", "2080208", "", 1000)}, []string{"项目分解!C2: bad_value"}},
		{"an economic code the use does not allow", []workbook.BreakdownLine{line(2, "shequ", "2080208", "30201", 1000)}, []string{"项目分解!D2: bad_value"}},
		{"a malformed code", []workbook.BreakdownLine{line(2, "shequ", "20802x8", "", 1000)}, []string{"项目分解!C2: bad_value"}},
	} {
		ps, total := checkBreakdown("b.xlsx", f, tc.lines)
		var got []string
		for _, p := range ps {
			got = append(got, p.Path+": "+string(p.Code))
			if p.File != "b.xlsx" || len(p.Says) == 0 || msg.Problem(msg.Zh, p) == "" {
				t.Errorf("%s: problem %+v", tc.name, p)
			}
		}
		if strings.Join(got, ";") != strings.Join(tc.want, ";") {
			t.Errorf("%s: problems %v, want %v", tc.name, got, tc.want)
		}
		var sum decimal.Decimal
		for _, l := range tc.lines {
			sum = sum.Add(l.Amount)
		}
		if !total.Equal(sum) {
			t.Errorf("%s: total %s", tc.name, total)
		}
	}
}
