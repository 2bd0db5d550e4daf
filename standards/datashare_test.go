package standards_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// totals are a result's rows: id and total of each 街道.
func totals(r *formula.Result) map[string]string {
	out := map[string]string{}
	for _, a := range r.Subdistricts {
		out[a.ID] = a.Total.String()
	}
	return out
}

// TestDataSharedByOverrides: a plan whose 街道 come from a data file
// shares the values read with the plans compiled from it (issue 25 §2);
// an override of a 街道's quantity, headcount or payroll gives what the
// same override gives on the plan with the same 街道 in TOML, and leaves
// the data as read, so the plan's own result is unchanged after it.
func TestDataSharedByOverrides(t *testing.T) {
	root := filepath.Join("..", "configs")
	data, err := standards.LoadFile(filepath.Join(root, "plan-xlsx.toml"), standards.WithData(workbook.Read))
	if err != nil {
		t.Fatal(err)
	}
	text, err := standards.LoadFile(filepath.Join(root, "plan.toml"))
	if err != nil {
		t.Fatal(err)
	}
	base, err := testplan.Evaluate(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, sets := range [][]string{
		{"subdistrict.xichangan.quantities.resident_population=150000"},
		{"subdistrict.xinjiekou.staff.civil_servant=10", "subdistrict.xichangan.quantities.resident_population=1"},
		{"subdistrict.xinjiekou.payroll.civil_servant=9000000"},
	} {
		got, err := testplan.Sets(t, data, sets...)
		if err != nil {
			t.Fatalf("%v: %v", sets, err)
		}
		want, err := testplan.Sets(t, text, sets...)
		if err != nil {
			t.Fatalf("%v: %v", sets, err)
		}
		if !reflect.DeepEqual(totals(got), totals(want)) {
			t.Errorf("%v: data plan %v, TOML plan %v", sets, totals(got), totals(want))
		}
		if reflect.DeepEqual(totals(got), totals(base)) {
			t.Errorf("%v: the override changed nothing", sets)
		}
		again, err := testplan.Evaluate(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(totals(again), totals(base)) {
			t.Fatalf("%v: the plan's own result changed after the override", sets)
		}
		// A what-if converted afresh from the data after the override
		// (another capacity) still sees the data as read.
		other, err := testplan.Sets(t, data, "plan.capacity=2700000000")
		if err != nil {
			t.Fatal(err)
		}
		otherText, err := testplan.Sets(t, text, "plan.capacity=2700000000")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(totals(other), totals(otherText)) {
			t.Fatalf("%v: a later what-if on the data plan differs from the TOML plan's", sets)
		}
	}
}
