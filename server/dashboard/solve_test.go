package dashboard

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
)

// solvePage renders the goal-seek page of the tiny plan for a target
// ("" : the form alone), solving it as the server does.
func solvePage(t *testing.T, target, vary string) (*SolveView, string) {
	t.Helper()
	doc := loadTiny(t)
	paths, err := doc.NumberPaths()
	if err != nil {
		t.Fatal(err)
	}
	var levers = paths[:0:0]
	for _, np := range paths {
		if analysis.IsLever(np.Pattern) && !strings.HasSuffix(np.Pattern, ".weight") {
			levers = append(levers, np)
		}
	}
	in := SolveInput{PlanID: "tiny", PlanName: "示例区", Paths: levers, Labels: analysis.Labels(doc), Target: target, Vary: vary}
	if target != "" {
		in.Solution, err = analysis.Solve(context.Background(), doc, analysis.SolveRequest{Target: target, Vary: vary})
		if err != nil {
			ae := app.Classify(err)
			in.Failure = FailureOf(ae, map[caili.Kind]int{caili.KindBadRequest: 400, caili.KindUnprocessable: 422}[ae.Kind])
		}
	}
	v := NewSolveView(in)
	var b bytes.Buffer
	if err := testRenderer(t).Solve(&b, v); err != nil {
		t.Fatal(err)
	}
	return v, b.String()
}

// TestSolveGolden holds the goal-seek page to golden files: the form,
// an answer (the largest unit cost of 病媒 keeping tier A within its cap)
// and a target that fails.
func TestSolveGolden(t *testing.T) {
	v, page := solvePage(t, "", "")
	if v.Status != http.StatusOK || v.Answer != nil {
		t.Errorf("form alone: status %d, answer %v", v.Status, v.Answer)
	}
	goldenPage(t, "solve", page)

	v, page = solvePage(t, "tier.A.demand<=cap", "project.vector_control.unit_cost")
	if v.Answer == nil || v.Answer.Value != "1.23" || v.Answer.End != "最大值" || len(v.Answer.Checks) != 3 || v.Answer.Checks[1].Holds {
		t.Fatalf("answer %+v", v.Answer)
	}
	if !strings.Contains(page, `<option value="project.vector_control.unit_cost" selected>`) {
		t.Error("the varied path is not selected")
	}
	goldenPage(t, "solve_answer", page)

	v, page = solvePage(t, "subdistrict.nowhere.total>=1", "")
	if v.Status != http.StatusBadRequest || v.Failure == nil || !strings.Contains(page, "nowhere") {
		t.Errorf("failure: status %d", v.Status)
	}
	goldenPage(t, "solve_problems", page)
}
