package dashboard

import (
	"strings"
	"testing"
)

// TestEqualisationPanel: the plan page shows the equalisation measures
// of the result shown, and the Lorenz chart with its CSV, when the plan
// has a population quantity; without one there is no panel.
func TestEqualisationPanel(t *testing.T) {
	doc := loadTiny(t)
	_, page := planPage(t, doc, "")
	if strings.Contains(page, `id="equalisation"`) || strings.Contains(page, "lorenz") {
		t.Fatal("a panel without a population quantity")
	}
	_, page = planPage(t, doc, "set.plan.population=population")
	res := mustEvaluate(t, doc, "plan.population=population")
	e, ok := res.Equalisation()
	if !ok {
		t.Fatal("no equalisation")
	}
	root := parse(t, page)
	table := text(byID(t, root, "equalisation-table"))
	for _, st := range e.Stages {
		for _, want := range []string{st.Label, st.Gini.StringFixed(6), st.CV.StringFixed(6), st.Theil.StringFixed(6)} {
			if !strings.Contains(table, want) {
				t.Errorf("panel lacks %q: %s", want, table)
			}
		}
	}
	for _, want := range []string{"/charts/lorenz.svg?set.plan.population=population", "/charts/lorenz.csv?set.plan.population=population"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
