package standards

import (
	"slices"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// TestPathTable checks the path table itself: every path a pattern spells
// finds that field and no other, every field is reached in a document as
// the kind its entry names, and only numeric fields have a fast setter.
func TestPathTable(t *testing.T) {
	// The money example has every table a path can reach.
	doc, err := LoadFile("../testdata/money/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	// An id and a name the rules example has, for each table.
	ids := map[string]string{"staff": "civil_servant", "quota": "office", "project": "greening", "tiers": "A", "factor": "workload", "subdistrict": "east",
		"transfer": "city_greening"}
	names := map[string]string{"factor": "communities", "performance": "优", "project_performance": "中", "subdistrict": "population"}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.path] {
			t.Errorf("%s: listed twice", f.path)
		}
		seen[f.path] = true
		if strings.Count(f.path, "**") > 1 || strings.Count(strings.ReplaceAll(f.path, "**", ""), "*") > 1 {
			t.Errorf("%s: more than one * or **", f.path)
		}
		if f.plan != nil && f.kind != kindNumber {
			t.Errorf("%s: a fast setter for a field that is not a number", f.path)
		}
		// Any id and name spell a path of this field only.
		for _, id := range []string{"x", "", ids[f.table]} {
			for _, name := range []string{"q", "a.b", ".", names[f.table]} {
				path := strings.ReplaceAll(strings.ReplaceAll(f.path, "**", name), "*", id)
				if got, at, ok := lookup(path); !ok || got != f || strings.Contains(f.path, "**") && at.name != name || strings.Contains(strings.ReplaceAll(f.path, "**", ""), "*") && at.id != id {
					t.Errorf("%s: lookup(%q) = %v, %+v, %v", f.path, path, got, at, ok)
				}
			}
		}
		// The field in a document is what the kind says.
		path := strings.ReplaceAll(strings.ReplaceAll(f.path, "**", names[f.table]), "*", ids[f.table])
		_, at, _ := lookup(path)
		var ok bool
		switch dst := f.doc(doc.doc.clone(), at); f.kind {
		case kindNumber:
			_, isNum := dst.(*Number)
			_, isKey := dst.(numberKey)
			ok = isNum || isKey
		case kindText:
			_, isText := dst.(*Text)
			_, isKey := dst.(textKey)
			ok = isText || isKey
		case kindNames:
			_, ok = dst.(*Names)
		case kindFlag:
			_, ok = dst.(*Flag)
		case kindComponents:
			_, ok = dst.(*Components)
		case kindBands:
			_, ok = dst.(*[]bandDoc)
		}
		if !ok {
			t.Errorf("%s: the document gives the wrong kind of field for %s", f.path, path)
		}
	}
}

// TestOverrideCodes checks the codes of override problems: an unknown
// path, and a value the field cannot take.
func TestOverrideCodes(t *testing.T) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		set  string
		code formula.Code
		msg  string
	}{
		{"nope.x=1", formula.CodeUnknownPath, "unknown path"},
		{"plan.standards=x.toml", formula.CodeUnknownPath, "unknown path"},
		{"staff.nobody.annual_pay=1", formula.CodeUnknownPath, "unknown path"},
		{"subdistrict.east.quantities.=1", formula.CodeUnknownPath, "unknown path"},
		{"plan.capacity=lots", formula.CodeBadValue, `"lots" is not a number`},
		{"subdistrict.east.quantities.population=1e9", formula.CodeBadValue, `"1e9" is not a number`},
		{"project.greening.basis=a,,b", formula.CodeBadValue, "must be a list of non-empty quantity names"},
	} {
		o, err := ParseSet(tt.set)
		if err != nil {
			t.Fatal(err)
		}
		_, err = doc.Apply(o)
		se, ok := invalidOf(err)
		if !ok || len(se.Problems) != 1 {
			t.Fatalf("%s: want one problem, got %v", tt.set, err)
		}
		p := se.Problems[0]
		if p.Code != tt.code || !strings.HasPrefix(msg.Problem(msg.En, p), tt.msg) || p.File != "--set" || p.Path != o.Path {
			t.Errorf("%s: got %+v, want code %s and %q", tt.set, p, tt.code, tt.msg)
		}
	}
	// A scenario's override keeps its file and line.
	_, err = doc.Apply(Override{Path: "plan.name", Value: int64(5), File: "s.toml", Line: 7})
	if se, ok := invalidOf(err); !ok || msg.ProblemLine(msg.Zh, se.Problems[0]) != "s.toml:7: plan.name: 须为文本（字符串）,不能是整数" ||
		msg.Problem(msg.En, se.Problems[0]) != "must be a string, not an integer" || se.Problems[0].Code != formula.CodeBadValue {
		t.Errorf("a scenario's bad value: %v", err)
	}
}

// TestAppendSplit holds appendSplit to strings.Split.
func TestAppendSplit(t *testing.T) {
	for _, path := range []string{"", ".", "a", "a.b", "a..b", ".a.", "plan.capacity", "factor.工作量.weight", "a.b.c.d.e.f.g.h.i.j"} {
		want := strings.Split(path, ".")
		if got := appendSplit(nil, path); !slices.Equal(got, want) {
			t.Errorf("appendSplit(%q) = %q, want %q", path, got, want)
		}
	}
}
