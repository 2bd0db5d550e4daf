package main

import (
	"flag"
	"fmt"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/attribution/whatif"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// attrFlags are compare's --attribute, --by and --against
// (docs/attribution.md).
type attrFlags struct {
	attribute bool
	by        string
	against   string
}

func (af *attrFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&af.attribute, "attribute", false, "split each change over its causes by Shapley value (docs/attribution.md)")
	fs.StringVar(&af.by, "by", "auto", "with --attribute: override (each override or difference), group (capacity, standards, data, ratings) or auto")
	fs.StringVar(&af.against, "against", "", "compare --plan with this other plan (e.g. last year's) instead of with overrides")
}

// check refuses what cannot go together.
func (af *attrFlags) check(pf *planFlags) (attribution.By, error) {
	by, ok := attribution.ParseBy(af.by)
	if !ok {
		return 0, usagef("--by must be auto, override or group (got %q)", af.by)
	}
	if af.against != "" && (pf.scenario != "" || len(pf.sets) > 0) {
		return 0, usagef("--against compares two plans; it takes no --scenario or --set")
	}
	if af.against == "" && pf.scenario == "" && len(pf.sets) == 0 {
		return 0, usagef("compare needs --scenario F, --set path=value or --against OLDPLAN.toml")
	}
	return by, nil
}

// compare computes the two sides of the comparison, and with --attribute
// the attribution of the change.
func (af *attrFlags) compare(pf *planFlags, by attribution.By) (b, s *formula.Result, attr *report.AttributionJSON, err error) {
	if af.against != "" {
		return af.comparePlans(pf, by)
	}
	base := planFlags{plan: pf.plan}
	if b, err = base.computeTotals(); err != nil { // a comparison shows no lines
		return nil, nil, nil, err
	}
	if s, err = pf.computeTotals(); err != nil {
		return nil, nil, nil, err
	}
	if !af.attribute {
		return b, s, nil, nil
	}
	doc, err := pf.load()
	if err != nil {
		return nil, nil, nil, err
	}
	ovs, err := pf.overrides()
	if err != nil {
		return nil, nil, nil, err
	}
	a, err := whatif.Attribute(doc, ovs, by)
	if err != nil {
		return nil, nil, nil, err
	}
	return b, s, report.NewAttribution(a, "原方案"), nil
}

// comparePlans compares --plan (new) with --against (old).
func (af *attrFlags) comparePlans(pf *planFlags, by attribution.By) (b, s *formula.Result, attr *report.AttributionJSON, err error) {
	od, err := standards.LoadFile(af.against)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--against: %w", err)
	}
	nd, err := pf.load()
	if err != nil {
		return nil, nil, nil, err
	}
	om, err := od.Compile()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--against: %w", err)
	}
	nm, err := nd.Compile()
	if err != nil {
		return nil, nil, nil, err
	}
	if b, err = om.EvaluateTotals(); err != nil {
		return nil, nil, nil, fmt.Errorf("--against: %w", err)
	}
	if s, err = nm.EvaluateTotals(); err != nil {
		return nil, nil, nil, err
	}
	if !af.attribute {
		return b, s, nil, nil
	}
	a, err := attribution.Plans(om.Plan(), nm.Plan(), by)
	if err != nil {
		return nil, nil, nil, err
	}
	return b, s, report.NewAttribution(a, againstLabel(om.Plan(), nm.Plan())), nil
}

// againstLabel names the old plan in sentences: 上年 when it is the year
// before, else its year or 对比方案.
func againstLabel(old, nw *formula.Plan) string {
	switch {
	case old.FiscalYear == nw.FiscalYear-1:
		return "上年"
	case old.FiscalYear != nw.FiscalYear:
		return fmt.Sprintf("%d 年方案", old.FiscalYear)
	}
	return "对比方案"
}
