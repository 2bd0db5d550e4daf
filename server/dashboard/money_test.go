package dashboard

import (
	"strings"
	"testing"

	"github.com/caili/caili/standards"
)

// moneyPlan is a plan with every table of rules §6 (where the money goes).
const moneyPlan = "../../testdata/money/plan.toml"

// TestMoneyPages: the plan page walks the district pool (the savings),
// the district-managed part of the projects and the transfers in its
// summary and its identity; a 街道's statement shows its district-managed
// projects as their own section, outside its total, its transfers as
// their own section, and an execution cut on the project's line.
func TestMoneyPages(t *testing.T) {
	doc, err := standards.LoadFile(moneyPlan)
	if err != nil {
		t.Fatal(err)
	}
	pv, page := planPage(t, doc, "")
	goldenPage(t, "plan_money", page)
	got := map[string]string{}
	for _, s := range pv.Summary {
		got[s.Key] = s.Value.Raw
	}
	for key, want := range map[string]string{"district_pool": "928600", "district_managed": "2992000", "transfers": "4000000", "block_pool": "4000000"} {
		if got[key] != want {
			t.Errorf("summary %s = %q, want %s", key, got[key], want)
		}
	}
	if !pv.Identity.OK || !strings.Contains(pv.Identity.Money, "区级统筹") {
		t.Errorf("identity %+v", pv.Identity)
	}
	for _, row := range append(pv.Rows, pv.Totals) {
		var cols []string
		for _, c := range row.Cells {
			cols = append(cols, c.Col)
		}
		if want := "personnel public projects incentive block damping transfers total managed"; strings.Join(cols, " ") != want {
			t.Errorf("%s: columns %v, want %s", row.ID, cols, want)
		}
	}
	if c := pv.Totals.Cells; c[6].Raw != "4000000" || c[8].Raw != "2992000" {
		t.Errorf("totals row: transfers %s, managed %s", c[6].Raw, c[8].Raw)
	}
	if !strings.Contains(pv.Tiers[1].CapNote, "可分配财力") {
		t.Errorf("tier A's cap note %q does not say it is a share of the available capacity", pv.Tiers[1].CapNote)
	}

	sv, page := statementPage(t, doc, "west")
	goldenPage(t, "statement_money", page)
	sections := map[string]StageLines{}
	for _, st := range sv.Stages {
		sections[st.Stage] = st
	}
	managed := sections["managed"]
	if !managed.Outside || managed.Total.Raw != "432000" || len(managed.Lines) != 1 ||
		!strings.Contains(managed.Lines[0].Formula, "由区园林绿化局统筹安排,不计入本街道财力") {
		t.Errorf("managed section: %+v", managed)
	}
	if tr := sections["transfers"]; tr.Total.Raw != "899610" || len(tr.Lines) != 2 {
		t.Errorf("transfers section: %+v", tr)
	}
	cut := false
	for _, l := range sections["projects"].Lines {
		cut = cut || l.Item == "vector_control" && strings.Contains(l.Formula, "执行率 0.7 低于 0.8")
	}
	if !cut {
		t.Error("the execution cut is not on vector_control's line")
	}
	var rows []string
	for _, c := range sv.Components {
		rows = append(rows, c.Col+"="+c.Amount.Raw)
	}
	if want := "personnel=13550400 public=1320000 projects=1875000 incentive=0 block=0 damping=983040 transfers=899610 total=18628050 managed=432000"; strings.Join(rows, " ") != want {
		t.Errorf("components %s, want %s", strings.Join(rows, " "), want)
	}
	root := parse(t, page)
	if class, _ := attr(byID(t, root, "stage-managed"), "class"); !strings.Contains(class, "outside") {
		t.Error("the managed section is not marked outside the total")
	}
}
