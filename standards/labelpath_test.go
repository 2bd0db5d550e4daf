package standards_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards"
)

// TestOverrideByLabel: a number may be named by its label, in Chinese or
// English, and gives what its path gives; a mistyped label or a bare key
// is offered the path it may mean.
func TestOverrideByLabel(t *testing.T) {
	doc, _ := testplan.Sample(t)
	for _, tt := range []struct{ label, path, value string }{
		{"可用财力", "plan.capacity", "2600000000"},
		{"capacity", "plan.capacity", "2600000000"},
		{"公务员 年人均工资", "staff.civil_servant.annual_pay", "220000"},
	} {
		byLabel, err := testplan.Sets(t, doc, tt.label+"="+tt.value)
		if err != nil {
			t.Fatalf("%s: %v", tt.label, err)
		}
		byPath, err := testplan.Sets(t, doc, tt.path+"="+tt.value)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(byLabel.Totals()) != fmt.Sprint(byPath.Totals()) {
			t.Errorf("%s gives %v, %s %v", tt.label, byLabel.Totals(), tt.path, byPath.Totals())
		}
	}
	_, err := testplan.Sets(t, doc, "可用才力=1")
	ps := formula.ProblemsOf(err)
	if len(ps) != 1 || ps[0].Code != formula.CodeUnknownPath || !strings.Contains(msg.Problem(msg.Zh, ps[0]), "plan.capacity (可用财力)") {
		t.Errorf("a mistyped label: %v", ps)
	}
	if _, err := standards.ParseSets("可用财力=1"); err != nil {
		t.Errorf("a label is a path to --set: %v", err)
	}
}
