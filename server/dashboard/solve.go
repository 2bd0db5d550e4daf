package dashboard

import (
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/standards"
)

// This file is the goal-seek page (目标求解): a form for a target and
// the path to vary, the answer with the checks that show it exact, and
// the sensitivity sweep's tornado chart with its downloads.

// SolveInput is what the goal-seek page is made from.
type SolveInput struct {
	PlanID, PlanName string
	Paths            []standards.NumberPath // the plan's numeric paths, offered to vary
	Labels           map[string]string      // Chinese labels of paths, where known
	Target, Vary     string                 // as asked ("" : not asked yet)
	Find, Precision  string
	Solution         *analysis.Solution // the answer, when asked and found
	Failure          *Failure           // why not, when asked and not found
}

// SolveView is the goal-seek page.
type SolveView struct {
	PlanID, Name, PlanHref string
	Status                 int
	Action                 string
	Target, Precision      string
	Varies                 []Choice // the paths to vary, one selected
	Finds                  []Choice // 自动, 最小值, 最大值
	Examples               []Choice // example targets
	Answer                 *SolveAnswer
	Failure                *Failure
	Tornado                string // the tornado chart's URL
	Downloads              []Link // the sweep as CSV and JSON
}

// Choice is one choice of a select or datalist.
type Choice struct {
	Value, Label string
	Selected     bool
}

// SolveAnswer is goal-seek's answer as the page shows it.
type SolveAnswer struct {
	Vary, Value, End string
	Checks           []CheckRow
	Monotone         bool
	Evaluations      int
}

// CheckRow is one evaluation shown: the answer, one unit beyond, one
// unit inside.
type CheckRow struct {
	Name, Value, Left, Right, Note string
	Holds                          bool
}

// solveExamples are targets offered in the form.
var solveExamples = []Choice{
	{Value: "min_capacity", Label: msg.DashTargetMinCapacity.In(msg.Zh)},
	{Value: "tier.A.demand<=cap", Label: msg.DashTargetACap.In(msg.Zh)},
	{Value: "tier.A.shortfall==0", Label: msg.DashTargetANoGap.In(msg.Zh)},
	{Value: msg.DashTargetTotalValue.In(msg.Zh), Label: msg.DashTargetTotal.In(msg.Zh)},
	{Value: msg.DashTargetProjectsValue.In(msg.Zh), Label: msg.DashTargetProjects.In(msg.Zh)},
}

// NewSolveView builds the goal-seek page.
func NewSolveView(in SolveInput) *SolveView {
	v := &SolveView{PlanID: in.PlanID, Name: in.PlanName, PlanHref: PlanPath(in.PlanID), Status: http.StatusOK,
		Action: PlanPath(in.PlanID) + "/solve", Target: in.Target, Precision: in.Precision, Examples: solveExamples,
		Tornado: ChartPath(in.PlanID, "tornado"), Failure: in.Failure}
	vary := in.Vary
	if vary == "" {
		vary = "plan.capacity"
	}
	for _, np := range in.Paths {
		label := np.Path
		if l := in.Labels[np.Path]; l != "" {
			label = l + " · " + np.Path
		}
		v.Varies = append(v.Varies, Choice{Value: np.Path, Label: msg.DashVaryValue.In(msg.Zh, label, np.Value.String()), Selected: np.Path == vary})
	}
	for _, f := range []Choice{{Value: "", Label: msg.DashFindAuto.In(msg.Zh)}, {Value: "min", Label: msg.DashFindMin.In(msg.Zh)}, {Value: "max", Label: msg.DashFindMax.In(msg.Zh)}} {
		f.Selected = f.Value == in.Find
		v.Finds = append(v.Finds, f)
	}
	api := apiPlanPath(in.PlanID)
	v.Downloads = []Link{
		{Kind: "csv", Label: msg.DashSensitivityCSV.In(msg.Zh), Href: api + "/sensitivity.csv"},
		{Kind: "json", Label: msg.DashSensitivityJSON.In(msg.Zh), Href: api + "/sensitivity.json"},
	}
	if in.Failure != nil {
		v.Status = in.Failure.Status
	}
	if s := in.Solution; s != nil {
		v.Answer = solveAnswer(s)
		q := url.Values{"target": {in.Target}, "vary": {s.Vary}}
		v.Downloads = append(v.Downloads, Link{Kind: "solve", Label: msg.DashSolveJSON.In(msg.Zh), Href: api + "/solve.json?" + q.Encode()})
	}
	return v
}

// solveAnswer arranges a solution: the answer, one unit beyond (less for
// the smallest value, more for the largest) and one unit inside.
func solveAnswer(s *analysis.Solution) *SolveAnswer {
	a := &SolveAnswer{Vary: s.Vary, Value: group(s.Answer.Value), End: msg.DashSmallest.In(msg.Zh), Monotone: s.Monotone, Evaluations: s.Evaluations}
	beyond, inside := msg.DashUnitLessBy.In(msg.Zh, s.Unit.String()), msg.DashUnitMore.In(msg.Zh)
	if s.Find == analysis.FindMax {
		a.End, beyond, inside = msg.DashLargest.In(msg.Zh), msg.DashUnitMoreBy.In(msg.Zh, s.Unit.String()), msg.DashUnitLess.In(msg.Zh)
	}
	a.Checks = append(a.Checks, checkRow(msg.DashAnswer.In(msg.Zh), s.Answer), checkRow(beyond, s.Beyond))
	if s.Inside != nil {
		a.Checks = append(a.Checks, checkRow(inside, *s.Inside))
	}
	return a
}

func checkRow(name string, c analysis.Check) CheckRow {
	r := CheckRow{Name: name, Value: group(c.Value), Holds: c.Holds, Left: "—", Right: "—", Note: c.Rejected}
	if c.Left != nil {
		r.Left, r.Right = group(*c.Left), group(*c.Right)
	}
	return r
}

func group(d decimal.Decimal) string { return numfmt.Group(d.String()) }

// Solve renders the goal-seek page. Send it with v.Status.
func (r *Renderer) Solve(w io.Writer, v *SolveView) error {
	if v == nil {
		return fmt.Errorf("dashboard: nil solve view")
	}
	return r.render(w, "solve", page{Title: msg.DashSolveTitle.In(msg.Zh, v.Name),
		Crumbs: []Link{home, {Label: v.Name, Href: v.PlanHref}, {Label: msg.DashSolve.In(msg.Zh)}}, V: v})
}
