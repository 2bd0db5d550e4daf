package analysis

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// DefaultStep is the step of a sensitivity sweep: ±10%.
var DefaultStep = decimal.New(1, -1)

// maxWorkers bounds the plans a sweep evaluates at once.
const maxWorkers = 4

// SensitivityRequest is a sensitivity sweep.
type SensitivityRequest struct {
	Step decimal.Decimal // the relative step, e.g. 0.1 for ±10%; zero: DefaultStep
	// Subdistrict, when not "", ranks and masks the levers by that one
	// sub-district's total (its id or name) instead of all of them.
	Subdistrict string
	Base        []standards.Override // overrides applied first
}

// Sub is one sub-district of a sweep, with its total in the plan.
type Sub struct {
	ID    string          `json:"id"`
	Name  string          `json:"name"`
	Total decimal.Decimal `json:"total"`
}

// Move is one lever moved one way: the value tried and the change of
// each sub-district's total (in the order of Report.Subdistricts), or
// why the plan was rejected there.
type Move struct {
	Value    decimal.Decimal   `json:"value"`
	Changes  []decimal.Decimal `json:"changes,omitempty"`
	Rejected string            `json:"rejected,omitempty"`
}

// Lever is one standard, weight, coefficient or the capacity, moved by
// −step (Down) and +step (Up).
type Lever struct {
	Path  string          `json:"path"`
	Label string          `json:"label"`
	Value decimal.Decimal `json:"value"`
	Down  Move            `json:"down"`
	Up    Move            `json:"up"`
	// MaxChange is the largest absolute change of a total the lever
	// causes (of the focus sub-district's only, when there is one).
	MaxChange decimal.Decimal `json:"max_change"`
	// Masked: no accepted move changes a total (the focus's): a rating
	// held by a floor, a capped tier, a weight that must stay 1 (无效调节项).
	Masked bool `json:"masked"`
	// Note says why a lever was not moved at all.
	Note string `json:"note,omitempty"`
}

// Report is a sensitivity sweep: the levers ranked by MaxChange, largest
// first (masked levers last).
type Report struct {
	Plan         string  `json:"plan"`
	Step         string  `json:"step"`
	Focus        string  `json:"subdistrict,omitempty"`
	Subdistricts []Sub   `json:"subdistricts"`
	Levers       []Lever `json:"levers"`
	focus        int     // index of the focus sub-district, -1: all
}

// Sensitivity moves every lever of the plan by ±step, each alone, and
// reports the change of each sub-district's total. A move the rules
// reject (or that leaves the plan invalid) is reported, not an error; the
// plan itself (with the base overrides) must be accepted. At most
// maxWorkers plans are evaluated at once, by the fast what-if path
// without lines.
func Sensitivity(ctx context.Context, doc *standards.Document, req SensitivityRequest) (*Report, error) {
	step := req.Step
	if step.IsZero() {
		step = DefaultStep
	}
	if !step.IsPositive() || step.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		return nil, msg.AnalysisStep.Query("step", step)
	}
	m, err := doc.Model(req.Base...)
	if err != nil {
		return nil, err
	}
	base, err := m.EvaluateTotals()
	if err != nil {
		return nil, err
	}
	p := m.Plan()
	rep := &Report{Plan: p.Name, Step: step.String(), focus: -1}
	for _, a := range base.Subdistricts {
		rep.Subdistricts = append(rep.Subdistricts, Sub{ID: a.ID, Name: a.Name, Total: a.Total})
	}
	if req.Subdistrict != "" {
		if rep.focus, err = findSub(p, req.Subdistrict); err != nil {
			return nil, err
		}
		rep.Focus = p.Subdistricts[rep.focus].ID
	}
	ls := levers(standards.PlanNumberPaths(p), p)
	rep.Levers = make([]Lever, len(ls))
	if err := sweep(ctx, ls, func(i int) { rep.Levers[i] = rep.move(doc, req.Base, p, base, ls[i], step) }); err != nil {
		return nil, err
	}
	rep.rank()
	return rep, nil
}

// findSub is the index of a sub-district by id or name (docs/names.md).
func findSub(p *formula.Plan, s string) (int, error) {
	id, err := standards.ResolveRef(standards.TableSubdistrict, s, standards.PlanEntries(p, standards.TableSubdistrict))
	if err != nil {
		return 0, standards.QueryRef("subdistrict", err)
	}
	return slices.IndexFunc(p.Subdistricts, func(x formula.Subdistrict) bool { return x.ID == id }), nil
}

// sweep runs work(i) for every lever on at most maxWorkers goroutines,
// stopping early when ctx ends.
func sweep(ctx context.Context, ls []lever, work func(i int)) error {
	n := min(maxWorkers, runtime.GOMAXPROCS(0), len(ls))
	next := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for i := range next {
				work(i)
			}
		})
	}
	var err error
	for i := range ls {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return err
}

// move moves one lever both ways.
func (rep *Report) move(doc *standards.Document, base []standards.Override, p *formula.Plan, res *formula.Result, l lever, step decimal.Decimal) Lever {
	out := Lever{Path: l.path, Label: l.label, Value: l.value, MaxChange: decimal.Zero}
	accepted := false
	for k, s := range []decimal.Decimal{step.Neg(), step} {
		mv := &out.Down
		if k == 1 {
			mv = &out.Up
		}
		v, ovs, note := l.moved(s, p)
		mv.Value = v
		if note != "" {
			out.Note = note
			continue
		}
		got, err := evaluate(doc, append(slices.Clone(base), ovs...))
		if err != nil {
			mv.Rejected = rejection(err)
			continue
		}
		accepted = true
		mv.Changes = make([]decimal.Decimal, len(got.Subdistricts))
		for i := range got.Subdistricts {
			d := got.Subdistricts[i].Total.Sub(res.Subdistricts[i].Total)
			mv.Changes[i] = d
			if rep.focus < 0 || rep.focus == i {
				out.MaxChange = decimal.Max(out.MaxChange, d.Abs())
			}
		}
	}
	out.Masked = out.Note != "" || (accepted && out.MaxChange.IsZero())
	return out
}

// rank orders the levers: unmasked by MaxChange, largest first, then
// the masked ones; ties in the order of the path table.
func (rep *Report) rank() {
	slices.SortStableFunc(rep.Levers, func(a, b Lever) int {
		if a.Masked != b.Masked {
			if a.Masked {
				return 1
			}
			return -1
		}
		return -cmp.Compare(a.MaxChange.Cmp(b.MaxChange), 0)
	})
}

// Masked lists the levers that cannot move a total (无效调节项).
func (rep *Report) Masked() []Lever {
	var out []Lever
	for _, l := range rep.Levers {
		if l.Masked {
			out = append(out, l)
		}
	}
	return out
}

// Change is the change of a lever's move for the focus sub-district, or
// the largest by absolute value over all of them, with the sub-district
// (-1 when rejected).
func (rep *Report) Change(m Move) (decimal.Decimal, int) {
	if m.Changes == nil {
		return decimal.Zero, -1
	}
	if rep.focus >= 0 {
		return m.Changes[rep.focus], rep.focus
	}
	best := 0
	for i, d := range m.Changes {
		if d.Abs().GreaterThan(m.Changes[best].Abs()) {
			best = i
		}
	}
	return m.Changes[best], best
}

// ParseStep reads a step as a percentage ("10%") or a fraction ("0.1").
func ParseStep(s string) (decimal.Decimal, error) {
	pct := strings.HasSuffix(s, "%")
	d, err := decimal.NewFromString(strings.TrimSuffix(s, "%"))
	if err != nil {
		return decimal.Zero, msg.AnalysisStepNumber.Query("step", msg.Clip(s))
	}
	if pct {
		d = d.Shift(-2)
	}
	return d, nil
}
