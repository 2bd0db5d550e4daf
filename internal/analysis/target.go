package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// A Target is what goal-seek looks for (docs/analysis.md, 目标语法):
//
//	target   = "min_capacity" | "accepted" | metric op operand
//	metric   = "subdistrict." SUB "." component
//	         | "tier." TIER "." ("demand" | "budget" | "cap" | "shortfall" | "demoted")
//	         | "district." ("total" | "reserve" | "pool" | "block_pool" | "incentive_pool")
//	component = "total" | "personnel" | "public" | "projects" | "incentive" | "block" | "damping"
//	op       = ">=" | "<=" | "==" | ">" | "<"
//	operand  = NUMBER | metric | a field of the left metric's entity ("cap")
//
// SUB is a sub-district's id or name, TIER mandatory, A, B, C or D.
// Every target also needs the plan accepted: no capacity shortfall, 三保
// (mandatory projects) paid, floors fundable, someone eligible for the
// block grant. `min_capacity` and `accepted` ask for that alone.
type Target struct {
	Text     string // as written
	Accepted bool   // acceptance alone
	Left     Metric
	Op       string
	Right    *Metric         // nil: Value
	Value    decimal.Decimal // the number on the right
}

// A Metric is one amount of a result.
type Metric struct {
	Kind  string // "subdistrict", "tier" or "district"
	ID    string // the sub-district's id or the tier's name; "" for the district
	Field string
	sub   int // index of the sub-district
	tier  formula.Tier
}

var (
	subFields      = append([]string{"total"}, formula.ComponentNames[:]...)
	tierFields     = []string{"demand", "budget", "cap", "shortfall", "demoted"}
	districtFields = []string{"total", "reserve", "pool", "block_pool", "incentive_pool"}
	ops            = []string{">=", "<=", "==", ">", "<"}
)

// ParseTarget reads a target against a plan, whose sub-districts it may
// name by id or by name. A mistake is a bad request on parameter
// "target".
func ParseTarget(s string, p *formula.Plan) (Target, error) {
	t := Target{Text: strings.TrimSpace(s)}
	switch t.Text {
	case "min_capacity", "accepted":
		t.Accepted = true
		return t, nil
	case "":
		return t, targetErr(msg.AnalysisTargetEmpty)
	}
	if len(t.Text) > 400 {
		return t, targetErr(msg.AnalysisTargetLong)
	}
	var left, right string
	for _, op := range ops {
		if l, r, ok := strings.Cut(t.Text, op); ok {
			left, right, t.Op = strings.TrimSpace(l), strings.TrimSpace(r), op
			break
		}
	}
	if t.Op == "" {
		return t, targetErr(msg.AnalysisTargetNoOp, msg.Clip(t.Text))
	}
	var err error
	if t.Left, err = parseMetric(left, p); err != nil {
		return t, err
	}
	if v, err := decimal.NewFromString(strings.ReplaceAll(right, ",", "")); err == nil {
		t.Value = v
		return t, nil
	}
	m, err := parseMetric(right, p)
	if err != nil && !strings.Contains(right, ".") {
		// a bare field of the left metric's entity: tier.A.demand<=cap
		m, err = parseMetric(strings.Join(entityOf(t.Left), ".")+"."+right, p)
	}
	if err != nil {
		return t, targetErr(msg.AnalysisTargetRight, msg.Clip(right))
	}
	t.Right = &m
	return t, nil
}

// entityOf is the kind and id of a metric, without its field.
func entityOf(m Metric) []string {
	if m.ID == "" {
		return []string{m.Kind}
	}
	return []string{m.Kind, m.ID}
}

// parseMetric reads one metric.
func parseMetric(s string, p *formula.Plan) (Metric, error) {
	kind, rest, _ := strings.Cut(s, ".")
	i := strings.LastIndex(rest, ".")
	id, field := "", rest
	if i >= 0 {
		id, field = rest[:i], rest[i+1:]
	}
	m := Metric{Kind: kind, ID: id, Field: field}
	switch kind {
	case "subdistrict":
		sid, err := standards.ResolveRef(standards.TableSubdistrict, id, standards.PlanEntries(p, standards.TableSubdistrict))
		if err != nil {
			return m, standards.QueryRef("target", err)
		}
		m.sub = slices.IndexFunc(p.Subdistricts, func(s formula.Subdistrict) bool { return s.ID == sid })
		m.ID = p.Subdistricts[m.sub].ID
		return m, checkField(m, subFields)
	case "tier":
		t, ok := formula.ParseTier(id)
		if !ok {
			return m, targetErr(msg.AnalysisNoTier, msg.Clip(id))
		}
		m.tier = t
		if field == "cap" {
			if _, ok := p.TierCaps[t]; !ok {
				return m, targetErr(msg.AnalysisTierNoCap, t, t)
			}
		}
		return m, checkField(m, tierFields)
	case "district":
		if id != "" {
			return m, targetErr(msg.AnalysisDistrictField, msg.Clip(s))
		}
		return m, checkField(m, districtFields)
	}
	return m, targetErr(msg.AnalysisMetric, msg.Clip(s))
}

func checkField(m Metric, allowed []string) error {
	if !slices.Contains(allowed, m.Field) {
		return targetErr(msg.AnalysisNoField, m.Kind, msg.Clip(m.Field), strings.Join(allowed, ", "))
	}
	return nil
}

func targetErr(m msg.Message, args ...any) error {
	return m.Query("target", args...)
}

// String writes the metric as the grammar reads it.
func (m Metric) String() string { return strings.Join(append(entityOf(m), m.Field), ".") }

// Of is the metric's amount in a result.
func (m Metric) Of(res *formula.Result) decimal.Decimal {
	switch m.Kind {
	case "subdistrict":
		a := &res.Subdistricts[m.sub]
		if m.Field == "total" {
			return a.Total
		}
		return a.Components()[slices.Index(formula.ComponentNames[:], m.Field)]
	case "tier":
		return tierField(res, m.tier, m.Field)
	}
	switch m.Field {
	case "reserve":
		return res.Reserve
	case "pool":
		return res.Pool
	case "block_pool":
		return res.BlockPool
	case "incentive_pool":
		return res.IncentivePool
	}
	return res.Totals()[len(formula.ComponentNames)]
}

// tierField is one amount of a tier's outcome; a tier without projects
// asks for nothing and gets nothing.
func tierField(res *formula.Result, t formula.Tier, field string) decimal.Decimal {
	i := slices.IndexFunc(res.Tiers, func(o formula.TierOutcome) bool { return o.Tier == t })
	if i < 0 {
		return decimal.Zero
	}
	o := res.Tiers[i]
	switch field {
	case "demand":
		return o.Demand
	case "budget":
		return o.Budget
	case "cap":
		if o.Cap == nil {
			return o.Demand
		}
		return *o.Cap
	case "demoted":
		return o.Demoted
	}
	return o.Demand.Sub(o.Budget)
}

// Holds reports whether a result meets the target (an accepted plan meets
// an acceptance target), with the two sides compared.
func (t Target) Holds(res *formula.Result) (ok bool, left, right decimal.Decimal) {
	if t.Accepted {
		return true, decimal.Zero, decimal.Zero
	}
	left, right = t.Left.Of(res), t.Value
	if t.Right != nil {
		right = t.Right.Of(res)
	}
	c := left.Cmp(right)
	switch t.Op {
	case ">=":
		ok = c >= 0
	case "<=":
		ok = c <= 0
	case "==":
		ok = c == 0
	case ">":
		ok = c > 0
	default:
		ok = c < 0
	}
	return ok, left, right
}

// describe is the target in words for a report line.
func (t Target) describe() string {
	if t.Accepted {
		return msg.AnaAccepted.In(msg.Zh)
	}
	return fmt.Sprintf("%s %s %s", t.Left, t.Op, t.rightText())
}

func (t Target) rightText() string {
	if t.Right != nil {
		return t.Right.String()
	}
	return t.Value.String()
}
