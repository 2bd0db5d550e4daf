package analysis

import (
	"context"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// MaxEvaluations bounds the plans one goal-seek evaluates: two rounds of
// exponential bracketing (at most maxDoublings each) and the bisection
// of a range below 2^maxDoublings units, plus the checks.
const MaxEvaluations = 4*maxDoublings + 8

// maxDoublings bounds the bracketing: the search reaches at most
// 2^maxDoublings rounding units from the plan's value.
const maxDoublings = 52

// Find says which end of the values meeting the target goal-seek looks
// for.
type Find string

// The ends.
const (
	FindAuto Find = ""    // whichever side the target's boundary is on
	FindMin  Find = "min" // the smallest value meeting the target
	FindMax  Find = "max" // the largest value meeting the target
)

// SolveRequest is a goal-seek.
type SolveRequest struct {
	Target string               // the target, in the grammar of [Target]
	Vary   string               // the override path varied; "" means plan.capacity
	Find   Find                 // which end; FindAuto looks on both sides
	Unit   decimal.Decimal      // the step of the answer; zero: the plan's rounding unit for plan.capacity, else 0.01
	Base   []standards.Override // overrides applied first (a scenario, --set)
}

// Check is one evaluation of the plan at a value of the varied path.
type Check struct {
	Value decimal.Decimal `json:"value"`
	Holds bool            `json:"holds"` // accepted and the target holds
	// Left and Right are the two sides of the comparison (absent for an
	// acceptance target, or when the plan is rejected).
	Left  *decimal.Decimal `json:"left,omitempty"`
	Right *decimal.Decimal `json:"right,omitempty"`
	// Rejected says why the plan was not accepted at this value ("" when
	// it was).
	Rejected string `json:"rejected,omitempty"`
}

// Solution is goal-seek's answer: the value, and the checks that show it
// exact — the target holds at Answer and not one unit beyond it (one
// unit less for the smallest value, more for the largest).
type Solution struct {
	Target   string          `json:"target"`
	Vary     string          `json:"vary"`
	Find     Find            `json:"find"`
	Unit     decimal.Decimal `json:"unit"`
	Original decimal.Decimal `json:"original"` // the value in the plan
	Answer   Check           `json:"answer"`
	Beyond   Check           `json:"beyond"` // one unit past the answer: must not hold
	// Inside is one unit further into the values meeting the target:
	// goal-seek assumes the target is monotone in the value, and says so
	// (Monotone false) when this check fails.
	Inside      *Check `json:"inside,omitempty"`
	Monotone    bool   `json:"monotone"`
	Evaluations int    `json:"evaluations"`
}

// Solve runs a goal-seek on a plan: exponential bracketing from the
// plan's value, then bisection over whole units, every plan evaluated by
// the fast what-if path without lines. It assumes the target is monotone
// in the varied value (on each side of the plan's value) and checks it
// one unit inside the answer. Errors are *caili.Error: a bad target, path
// or unit is a bad request; a target no value within reach meets (or
// every value meets) is unprocessable.
func Solve(ctx context.Context, doc *standards.Document, req SolveRequest) (*Solution, error) {
	s, err := newSearch(doc, req)
	if err != nil {
		return nil, err
	}
	lo, hi, find, err := s.bracket(ctx)
	if err != nil {
		return nil, err
	}
	// Invariant: holds(hi) for min (holds(lo) for max), not the other.
	for hi-lo > 1 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		mid := lo + (hi-lo)/2
		h := s.eval(mid).Holds
		if (find == FindMin) == h {
			hi = mid
		} else {
			lo = mid
		}
	}
	return s.solution(find, lo, hi), nil
}

// search is one goal-seek's state: the plan, the target, the path and
// the evaluations done, by value in units.
type search struct {
	doc    *standards.Document
	req    SolveRequest
	target Target
	unit   decimal.Decimal
	start  int64 // the plan's value in units (rounded down)
	orig   decimal.Decimal
	seen   map[int64]Check
}

// newSearch checks the request against the plan.
func newSearch(doc *standards.Document, req SolveRequest) (*search, error) {
	if req.Vary == "" {
		req.Vary = "plan.capacity"
	}
	// A path by names (docs/names.md) is varied by ids.
	r, err := doc.ResolveOverrides([]standards.Override{{Path: req.Vary, File: "query"}})
	if err != nil {
		return nil, err
	}
	req.Vary = r[0].Path
	if req.Find != FindAuto && req.Find != FindMin && req.Find != FindMax {
		return nil, msg.AnalysisFind.Query("find", msg.Clip(string(req.Find)))
	}
	m, err := doc.Model(req.Base...)
	if err != nil {
		return nil, err
	}
	t, err := ParseTarget(req.Target, m.Plan())
	if err != nil {
		return nil, err
	}
	if t.Accepted && req.Target == "min_capacity" {
		if req.Vary != "plan.capacity" {
			return nil, msg.AnalysisMinCapacityVary.Query("vary", msg.Clip(req.Vary))
		}
		req.Find = FindMin
	}
	orig, err := pathValue(m.Plan(), req.Vary)
	if err != nil {
		return nil, err
	}
	if weightPath(req.Vary) {
		return nil, msg.AnalysisWeight.Query("vary", msg.Clip(req.Vary))
	}
	unit := req.Unit
	if unit.IsZero() {
		unit = decimal.New(1, -2)
		if req.Vary == "plan.capacity" {
			unit = m.Plan().RoundingUnit
		}
	}
	if !unit.IsPositive() || unit.Exponent() < -12 {
		return nil, msg.AnalysisPrecision.Query("precision", unit)
	}
	if ru := m.Plan().RoundingUnit; req.Vary == "plan.capacity" && !unit.Mod(ru).IsZero() {
		return nil, msg.AnalysisPrecisionUnit.Query("precision", ru, unit)
	}
	start := orig.Div(unit).Floor()
	if start.GreaterThan(decimal.New(1, 15)) {
		return nil, msg.AnalysisPrecisionSteps.Query("precision", orig, unit)
	}
	return &search{doc: doc, req: req, target: t, unit: unit, start: start.IntPart(), orig: orig, seen: map[int64]Check{}}, nil
}

// pathValue is the value of a numeric path in a plan (with the base
// overrides applied); a path that is not a number of the plan is a bad
// request.
func pathValue(p *formula.Plan, path string) (decimal.Decimal, error) {
	for _, np := range standards.PlanNumberPaths(p) {
		if np.Path == path {
			return np.Value, nil
		}
	}
	return decimal.Zero, msg.AnalysisVaryPath.Query("vary", msg.Clip(path))
}

// eval evaluates the plan with the path at n units, once per value.
func (s *search) eval(n int64) Check {
	if c, ok := s.seen[n]; ok {
		return c
	}
	v := decimal.New(n, 0).Mul(s.unit)
	c := Check{Value: v}
	ovs := append(append([]standards.Override(nil), s.req.Base...),
		standards.Override{Path: s.req.Vary, Value: v.String(), File: "--vary"})
	res, err := evaluate(s.doc, ovs)
	if err != nil {
		c.Rejected = rejection(err)
	} else {
		ok, l, r := s.target.Holds(res)
		c.Holds = ok
		if !s.target.Accepted {
			c.Left, c.Right = &l, &r
		}
	}
	s.seen[n] = c
	return c
}

// evaluate compiles a what-if and evaluates it without lines.
func evaluate(doc *standards.Document, ovs []standards.Override) (*formula.Result, error) {
	m, err := doc.Model(ovs...)
	if err != nil {
		return nil, err
	}
	return m.EvaluateTotals()
}

// rejection says in words why a plan is not accepted.
func rejection(err error) string {
	var re *formula.RejectedError
	if errors.As(err, &re) {
		return rejectionLabel[re.Kind].In(msg.Zh) + ":" + msg.RejectionText(msg.Zh, re)
	}
	words := msg.AppInternal.In(msg.Zh)
	var ce *caili.Error
	if ps := formula.ProblemsOf(err); len(ps) > 0 {
		words = ps[0].Path + ": " + msg.Problem(msg.Zh, ps[0])
	} else if errors.As(err, &ce) {
		words = msg.ErrorWords(msg.Zh, ce)
	}
	return msg.AnaPlanInvalid.In(msg.Zh, words)
}

// rejectionLabel names each stage rejection in Chinese.
var rejectionLabel = map[formula.RejectionKind]msg.Message{
	formula.CapacityShortfall: msg.AnaCapacityShortfall,
	formula.MandatoryUnfunded: msg.AnaMandatoryUnfunded,
	formula.NoBlockEligible:   msg.AnaNoBlockEligible,
	formula.FloorsInfeasible:  msg.AnaFloorsInfeasible,
}
