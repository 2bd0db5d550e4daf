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

// tinyWithData is the tiny plan with its sub-districts moved out to a
// data file named data.csv, and the sub-districts it had.
func tinyWithData(t *testing.T) (plan string, subs []formula.Subdistrict) {
	t.Helper()
	whole, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := whole.Plan()
	if err != nil {
		t.Fatal(err)
	}
	s := tinyPlan(t)
	i := strings.Index(s, "[[subdistrict]]")
	plan = strings.Replace(s[:i], `reserve_rate = "0.02"`, "reserve_rate = \"0.02\"\ndata = \"data.csv\"", 1)
	return plan, p.Subdistricts
}

// fakeData is a DataFunc that returns subs, or problems when bad is set,
// and records the plan it was given.
type fakeData struct {
	subs  []formula.Subdistrict
	bad   bool
	calls int
	seen  *formula.Plan
}

func (f *fakeData) read(name string, data []byte, p *formula.Plan) ([]formula.Subdistrict, []formula.Problem) {
	f.calls++
	f.seen = p
	if f.bad {
		return nil, []formula.Problem{{File: name, Path: "F7", Code: formula.CodeOutOfRange, Says: []formula.Words{msg.Verbatim.Words("不能为负数")}}}
	}
	return f.subs, nil
}

func writeData(t *testing.T, plan string) string {
	t.Helper()
	name := writePlan(t, plan, "")
	if err := os.WriteFile(filepath.Join(filepath.Dir(name), "data.csv"), []byte("id\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestDataFile(t *testing.T) {
	plan, subs := tinyWithData(t)
	f := &fakeData{subs: subs}
	doc, err := LoadFile(writeData(t, plan), WithData(f.read))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, doc) != resultJSON(t, whole) {
		t.Error("a plan whose sub-districts come from a data file computes differently")
	}
	if f.calls != 1 || len(f.seen.Subdistricts) != 0 || len(f.seen.Projects) == 0 {
		t.Errorf("the data reader was called %d times with %d sub-districts, %d projects; want once, with the tables and no sub-districts",
			f.calls, len(f.seen.Subdistricts), len(f.seen.Projects))
	}
	if got := doc.Files(); len(got) != 2 || got[1] != "data.csv" {
		t.Errorf("files = %v, want the plan and data.csv", got)
	}
	// Overrides reach the sub-districts read from the data file.
	id := subs[0].ID
	changed, err := evaluate(doc, Override{Path: "subdistrict." + id + ".adjustment", Value: "1.1"})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := evaluate(doc)
	if changed.Subdistricts[0].Total.Equal(base.Subdistricts[0].Total) {
		t.Error("an override of a sub-district read from the data file changed nothing")
	}
}

func TestDataFileProblems(t *testing.T) {
	plan, subs := tinyWithData(t)
	withSubs := plan + tinyPlan(t)[strings.Index(tinyPlan(t), "[[subdistrict]]"):]
	tests := []struct {
		name  string
		plan  string
		opts  []Option
		bad   bool
		fatal bool // Load fails (else Plan does)
		file  string
		path  string
		code  formula.Code
	}{
		{"data and subdistrict tables", withSubs, nil, false, false, "plan.toml", "plan.data", formula.CodeDataConflict},
		{"no data reader", plan, []Option{}, false, true, "plan.toml", "plan.data", formula.CodeUnreadable},
		{"outside the plan's folder", strings.Replace(plan, `"data.csv"`, `"../data.csv"`, 1), nil, false, true, "plan.toml", "plan.data", formula.CodeUnreadable},
		{"missing file", strings.Replace(plan, `"data.csv"`, `"nope.csv"`, 1), nil, false, true, "plan.toml", "plan.data", formula.CodeUnreadable},
		{"empty name", strings.Replace(plan, `"data.csv"`, `""`, 1), nil, false, false, "plan.toml", "plan.data", formula.CodeMissing},
		{"not a string", strings.Replace(plan, `"data.csv"`, `3`, 1), nil, false, false, "plan.toml", "plan.data", formula.CodeBadValue},
		{"a problem in the data file", plan, nil, true, true, "data.csv", "F7", formula.CodeOutOfRange},
		{"the plan's own problems first", strings.Replace(plan, "[plan]", "[plan]\nnonsense = 1", 1), nil, false, false, "data.csv", "subdistrict", formula.CodeDataNotRead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeData{subs: subs, bad: tt.bad}
			opts := tt.opts
			if opts == nil {
				opts = []Option{WithData(f.read)}
			}
			doc, err := LoadFile(writeData(t, tt.plan), opts...)
			if (err != nil) != tt.fatal {
				t.Fatalf("load error = %v, want one: %v", err, tt.fatal)
			}
			if err == nil {
				_, err = doc.Plan()
			}
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) {
				t.Fatalf("want problems, got %v", err)
			}
			for _, p := range se.Problems {
				if p.File == tt.file && p.Path == tt.path && p.Code == tt.code {
					return
				}
			}
			t.Errorf("no %s problem at %s %s:\n%s", tt.code, tt.file, tt.path, listProblems(se.Problems))
		})
	}
	// A plan sent on its own may not name a data file.
	f := &fakeData{subs: subs}
	if _, err := Parse("plan.toml", []byte(plan), nil, WithData(f.read)); err == nil || f.calls != 0 {
		t.Errorf("a self-contained parse accepted a data file (err %v, %d reads)", err, f.calls)
	}
}

// A plan whose data file is yet to be written has the tables a template
// needs, with DataOptional; so does a plan without sub-districts.
func TestTablesWithoutSubdistricts(t *testing.T) {
	plan, _ := tinyWithData(t)
	f := &fakeData{}
	name := writePlan(t, plan, "")
	if _, err := LoadFile(name, WithData(f.read)); err == nil {
		t.Error("a missing data file was accepted without DataOptional")
	}
	doc, err := LoadFile(name, WithData(f.read), DataOptional())
	if err != nil {
		t.Fatal(err)
	}
	p, err := doc.Tables()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Subdistricts) != 0 || len(p.Projects) == 0 || f.calls != 0 {
		t.Errorf("tables: %d sub-districts, %d projects, %d reads", len(p.Subdistricts), len(p.Projects), f.calls)
	}
	if _, err := doc.Plan(); err == nil {
		t.Error("a plan without sub-districts was accepted for calculation")
	}
	// Tables still reports the tables' own problems.
	bad := strings.Replace(plan, "[plan]", "[plan]\nnonsense = 1", 1)
	doc, err = LoadFile(writePlan(t, bad, ""), WithData(f.read), DataOptional())
	if err != nil {
		t.Fatal(err)
	}
	var se *formula.InvalidPlanError
	if _, err := doc.Tables(); !errors.As(err, &se) || se.Problems[0].Code != formula.CodeUnknownKey {
		t.Errorf("Tables of a plan with an unknown key: %v", err)
	}
}
