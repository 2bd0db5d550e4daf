package dashboard

import (
	"strings"
	"testing"

	"github.com/caili/caili/standards"
)

// TestStatementWhereTheMoneyWent: under a what-if of the money example
// (rules §6: a fixed block grant), a lower standard shows on the
// statement as a saving kept by the district; a plan without §6's tables
// has no such sentence.
func TestStatementWhereTheMoneyWent(t *testing.T) {
	doc, err := standards.LoadFile("../../testdata/money/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	v, page := statementPage(t, doc, "east", "project.vector_control.unit_cost=1.45")
	if !strings.Contains(v.Where, "区级统筹 +") || !strings.Contains(v.Where, "（节省）") {
		t.Errorf("where %q", v.Where)
	}
	if got := text(byID(t, parse(t, page), "where")); got != v.Where {
		t.Errorf("page says %q, want %q", got, v.Where)
	}
	if v, _ := statementPage(t, loadTiny(t), "east", "plan.capacity=59000000"); v.Where != "" {
		t.Errorf("tiny: where %q", v.Where)
	}
}
