package workbook

import (
	"bytes"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// TestRoundTrip: the template of a plan, read back, gives the plan's
// sub-districts, and so the same result byte for byte, through the
// workbook and through CSV, for the sample district and the tiny example.
func TestRoundTrip(t *testing.T) {
	for _, plan := range []struct {
		name string
		p    func(testing.TB) *formula.Plan
	}{{"sample", samplePlan}, {"tiny", tinyPlan}} {
		for _, f := range []struct {
			ext    string
			format Format
		}{{".xlsx", XLSX}, {".csv", CSV}} {
			t.Run(plan.name+f.ext, func(t *testing.T) {
				p := plan.p(t)
				data := template(t, p, TemplateOptions{Format: f.format})
				subs := mustRead(t, "subdistricts"+f.ext, data, p)
				sameSubs(t, p, subs, p.Subdistricts)
				if got, want := resultJSON(t, withSubs(p, subs)), resultJSON(t, p); !bytes.Equal(got, want) {
					t.Errorf("results differ after the round trip")
				}
			})
		}
	}
}

// TestOneSubdistrictCopy: a one-街道 copy merged back changes nothing; the
// same copy read as a whole file gives that one sub-district.
func TestOneSubdistrictCopy(t *testing.T) {
	p := samplePlan(t)
	for f, name := range []string{"desheng.xlsx", "desheng.csv"} {
		data := template(t, p, TemplateOptions{Subdistrict: "desheng", Format: Format(f)})
		merged, changes, ps := Merge(name, data, p)
		if len(ps) > 0 || len(changes) > 0 {
			t.Fatalf("format %d: merge of an unchanged copy: problems %v, changes %v", f, ps, changes)
		}
		sameSubs(t, p, merged, p.Subdistricts)
		one, ps := Read(name, data, p)
		if len(ps) > 0 || len(one) != 1 || one[0].ID != "desheng" {
			t.Errorf("format %d: read of the copy: %v %v", f, one, ps)
		}
	}
	var b bytes.Buffer
	if err := Template(&b, p, TemplateOptions{Subdistrict: "deshen"}); err == nil || !bytes.Contains([]byte(err.Error()), []byte("desheng / 德胜街道")) {
		t.Errorf("unknown sub-district: %v, want an error suggesting desheng", err)
	}
}

// TestImportChangesNothing: writing a plan's own sub-districts back into
// its file changes no byte (the sample plan, the tiny example).
func TestImportChangesNothing(t *testing.T) {
	for _, c := range []struct {
		name string
		src  func() ([]byte, error)
		p    func(testing.TB) *formula.Plan
	}{
		{"configs/plan.toml", func() ([]byte, error) { return configs.FS.ReadFile(configs.PlanPath) }, samplePlan},
		{"tiny", func() ([]byte, error) { return os.ReadFile(tinyPath) }, tinyPlan},
	} {
		src, err := c.src()
		must(t, err)
		p := c.p(t)
		subs := mustRead(t, "x.xlsx", template(t, p, TemplateOptions{}), p)
		if got := ReplaceSubdistricts(src, p, subs); !bytes.Equal(got, src) {
			t.Errorf("%s: the plan text changed:\n%s", c.name, clipText(string(got), 2000))
		}
	}
}

// TestImportedPlanLoads: the text written for new values loads as a plan
// whose sub-districts are those values.
func TestImportedPlanLoads(t *testing.T) {
	src, err := os.ReadFile(tinyPath)
	must(t, err)
	p := tinyPlan(t)
	data := template(t, p, TemplateOptions{})
	data = edit(t, data, func(x *excelize.File) {
		must(t, x.SetCellStr(SheetData, "A5", "north2"))
		must(t, x.SetCellStr(SheetStaff, "A5", "north2"))
		must(t, x.SetCellStr(SheetData, "G3", "3.25"))
		must(t, x.SetCellStr(SheetData, "D4", ""))
	})
	subs := mustRead(t, "x.xlsx", data, p)
	text := ReplaceSubdistricts(src, p, subs)
	doc, err := standards.Parse("plan.toml", text, nil)
	must(t, err)
	q, err := doc.Plan()
	must(t, err)
	sameSubs(t, p, q.Subdistricts, subs)
}
