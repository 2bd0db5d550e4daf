package execution

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/caili/caili/formula"
)

var d = decimal.RequireFromString

// testPlan has two 街道 and two projects, and a rule: 60% by September.
func testPlan() *formula.Plan {
	return &formula.Plan{
		FiscalYear: 2025,
		Projects:   []formula.Project{{ID: "greening", Name: "绿化养护"}, {ID: "vector", Name: "病媒防制"}},
		Subdistricts: []formula.Subdistrict{
			{ID: "east", Name: "东街道", UnitCode: "201001"},
			{ID: "west", Name: "西街道"},
		},
		ExecutionRules: []formula.ExecutionRule{{Month: 9, MinRate: d("0.6")}},
	}
}

const sample = `预算执行情况表,,,,
街道,项目,预算数(元),支出数,月份
东街道,绿化养护,"1,000,000",300000,2025-08
东街道,绿化养护,1000000,500000,2025-09
201001,病媒防制,200000,150000,9月
west,社区议事厅改造,80000,0,8
west,社区议事厅改造,100000,90000,9
`

func TestParseAndBuild(t *testing.T) {
	rows, ps := Parse("执行.csv", []byte(sample), DefaultMapping(), testPlan())
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(rows) != 5 || rows[0].Subdistrict != "east" || rows[0].Project != "greening" || rows[0].Month != 8 ||
		!rows[0].Budget.Equal(d("1000000")) || rows[2].Subdistrict != "east" || rows[2].Project != "vector" || rows[3].Project != "" {
		t.Fatalf("rows %+v", rows)
	}
	r := Build(testPlan(), rows, nil)
	if r.Last != 9 || len(r.Lines) != 3 {
		t.Fatalf("last %d, %d lines", r.Last, len(r.Lines))
	}
	if rate, _ := r.Lines[0].Months[8].Rate(); !rate.Equal(d("0.5")) {
		t.Errorf("east greening in September: %s", rate)
	}
	// September: east greening 50% < 60%: one warning; vector 75%, west 90%.
	if len(r.Warnings) != 1 || r.Warnings[0].Line.Item != "绿化养护" || !r.Warnings[0].Rate.Equal(d("0.5")) {
		t.Errorf("warnings %+v", r.Warnings)
	}
	// The west line's budget went from 80000 to 100000: adjusted.
	if c := r.Counts; c.Lines != 3 || c.Adjusted != 1 || c.AsApproved != 2 || c.NotExecuted != 0 {
		t.Errorf("counts %+v", c)
	}
	if east := r.Subdistricts[0].Months[8]; !east.Budget.Equal(d("1200000")) || !east.Spent.Equal(d("650000")) {
		t.Errorf("east in September %+v", east)
	}
	rates := r.Rates()
	if !rates["east"]["greening"].Equal(d("0.5")) || !rates["east"]["vector"].Equal(d("0.75")) || len(rates["west"]) != 0 {
		t.Errorf("rates %v", rates)
	}
}

// TestParseGBK: a CSV file saved by Chinese Excel (GBK) reads the same.
func TestParseGBK(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	rows, ps := Parse("执行.csv", []byte(gbk), DefaultMapping(), testPlan())
	if len(ps) > 0 || len(rows) != 5 {
		t.Fatalf("%d rows, problems %v", len(rows), ps)
	}
}

// TestMonthly: spent of the month alone adds up.
func TestMonthly(t *testing.T) {
	m, ps := ReadMapping(MappingFile, []byte("[columns]\nsubdistrict = \"预算单位\"\nspent = [\"本月支出\"]\nspent_is = \"monthly\"\n"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	text := "预算单位,项目,预算数,本月支出,月份\neast,vector,100,10,1\neast,vector,100,20,2\neast,vector,100,5,3\n"
	rows, ps := Parse("x.csv", []byte(text), m, testPlan())
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	r := Build(testPlan(), rows, nil)
	if got := r.Lines[0].Months[2].Spent; !got.Equal(d("35")) {
		t.Errorf("spent to March %s", got)
	}
}

// TestParseProblems: every problem with its cell and code.
func TestParseProblems(t *testing.T) {
	head := "街道,项目,预算数,支出数,月份\n"
	for _, tc := range []struct {
		name, rows string
		code       formula.Code
		path       string
	}{
		{"unknown 街道", "南街道,x,1,1,1\n", formula.CodeUnknownRef, "A2"},
		{"blank item", "east,,1,1,1\n", formula.CodeMissing, "B2"},
		{"bad amount", "east,x,一百,1,1\n", formula.CodeBadValue, "C2"},
		{"negative", "east,x,1,-1,1\n", formula.CodeOutOfRange, "D2"},
		{"month 13", "east,x,1,1,13\n", formula.CodeBadValue, "E2"},
		{"other year", "east,x,1,1,2024-09\n", formula.CodeBadValue, "E2"},
		{"twice", "east,x,1,1,1\neast,x,2,2,1\n", formula.CodeRepeated, "B3"},
		{"huge exponent", "east,x,1e-999999999,1,1\n", formula.CodeBadValue, "C2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, ps := Parse("x.csv", []byte(head+tc.rows), DefaultMapping(), testPlan())
			if rows != nil {
				t.Errorf("rows %v with problems", rows)
			}
			for _, p := range ps {
				if p.Code == tc.code && p.Path == tc.path && p.File == "x.csv" {
					return
				}
			}
			t.Errorf("problems %v, want %s at %s", ps, tc.code, tc.path)
		})
	}
	_, ps := Parse("x.csv", []byte("街道,项目,金额\neast,x,1\n"), DefaultMapping(), testPlan())
	if len(ps) != 1 || ps[0].Code != formula.CodeMissing || !strings.Contains(ps[0].Says[0].Args[0].(string), "月份") {
		t.Errorf("no header: %v", ps)
	}
	_, ps = Parse("x.csv", []byte(head), DefaultMapping(), testPlan())
	if len(ps) != 1 || ps[0].Code != formula.CodeMissing {
		t.Errorf("no rows: %v", ps)
	}
	var many strings.Builder
	many.WriteString(head)
	for range 300 {
		many.WriteString("nowhere,x,1,1,1\n")
	}
	_, ps = Parse("x.csv", []byte(many.String()), DefaultMapping(), testPlan())
	if len(ps) != maxProblems+1 {
		t.Errorf("%d problems listed", len(ps))
	}
}

func TestMappingProblems(t *testing.T) {
	for _, text := range []string{"[columns]\nbudgets = \"x\"\n", "[columns]\nspent_is = \"weekly\"\n", "[columns]\nmonth = 3\n", "[other]\n", "[columns\n"} {
		if _, ps := ReadMapping(MappingFile, []byte(text)); len(ps) == 0 {
			t.Errorf("%q: no problem", text)
		}
	}
}

// TestUnusedTwoYears: a line unused in both years is listed; last
// year's 街道 are read through the successions.
func TestUnusedTwoYears(t *testing.T) {
	this := []Unused{{Subdistrict: "east", Item: "a", Balance: d("100")}, {Subdistrict: "east", Item: "b", Balance: d("50")}, {Subdistrict: "west", Item: "a", Balance: d("70")}}
	before := []Unused{{Subdistrict: "old1", Item: "a", Balance: d("30")}, {Subdistrict: "old2", Item: "a", Balance: d("40")}, {Subdistrict: "west", Item: "c", Balance: d("1")}}
	got := UnusedTwoYears(this, before, []formula.Succession{{From: []string{"old1", "old2"}, To: []string{"east"}}})
	if len(got) != 1 || got[0].Item != "a" || got[0].Subdistrict != "east" || !got[0].Before.Equal(d("70")) {
		t.Errorf("got %+v", got)
	}
}

// FuzzParse: any bytes give rows or problems, never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("街道,项目,预算数,支出数,月份\neast,x,1e5,1,2025年9月\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, ps := Parse("f.csv", data, DefaultMapping(), testPlan())
		if rows == nil && len(ps) == 0 {
			t.Fatal("neither rows nor problems")
		}
		if len(ps) == 0 {
			Build(testPlan(), rows, nil)
		}
	})
}

// FuzzReadMapping: any bytes give a mapping or problems, never a panic;
// a mapping without problems has a header for every field.
func FuzzReadMapping(f *testing.F) {
	f.Add([]byte("[columns]\nsubdistrict = \"预算单位\"\nspent_is = \"monthly\"\n"))
	f.Add([]byte("[columns]\nmonth = [\"月份\", \"期间\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ps := ReadMapping(MappingFile, data)
		if len(ps) > 0 {
			return
		}
		for fld, hs := range m.Headers {
			if len(hs) == 0 {
				t.Fatalf("field %d has no header", fld)
			}
		}
	})
}
