package main

import (
	"errors"
	"fmt"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/attribution/whatif"
	"github.com/caili/caili/internal/msg"
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

func (af *attrFlags) register(fs *flagSet) {
	fs.BoolVar(&af.attribute, "attribute", false, msg.FlagAttribute)
	fs.StringVar(&af.by, "by", "auto", msg.FlagAttrBy)
	fs.StringVar(&af.against, "against", "", msg.FlagAgainst)
}

// check refuses what cannot go together; what is the command that needs
// something to compare ("compare", "explain --attribute").
func (af *attrFlags) check(pf *planFlags, what string) (attribution.By, error) {
	by, ok := attribution.ParseBy(af.by)
	if !ok {
		return 0, usageChoice("--by", []string{"auto", "override", "group"}, af.by)
	}
	if af.by != "auto" && !af.attribute {
		return 0, usagef(msg.CmdByNeedsAttribute)
	}
	if af.against != "" && (pf.scenario != "" || len(pf.sets) > 0) {
		return 0, usagef(msg.CmdAgainstAlone)
	}
	if af.against == "" && pf.scenario == "" && len(pf.sets) == 0 {
		return 0, usagef(msg.CmdNeedsWhatIf, what)
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
	a, err := overridesAttribution(pf, by)
	if err != nil {
		return nil, nil, nil, err
	}
	return b, s, report.NewAttribution(a, msg.AgainstBase.In(msg.Zh)), nil
}

// overridesAttribution attributes the change --scenario and --set make
// to the plan as written.
func overridesAttribution(pf *planFlags, by attribution.By) (*attribution.Attribution, error) {
	doc, err := pf.load()
	if err != nil {
		return nil, err
	}
	ovs, err := pf.overrides()
	if err != nil {
		return nil, err
	}
	a, err := whatif.Attribute(doc, ovs, by)
	return a, coalitionError(err)
}

// coalitionError says which combination of an attribution cannot be
// evaluated (app.AttributionError); other errors are returned as they
// are.
func coalitionError(err error) error {
	var ce *attribution.CoalitionError
	if errors.As(err, &ce) {
		return app.AttributionError(err)
	}
	return err
}

// explainSentence is what `caili explain --attribute` (or --against)
// adds under a sub-district's explanation: its change against the plan
// as written (or the plan --against names), split by group unless --by
// says otherwise. "" when neither flag is given.
func (af *attrFlags) explainSentence(pf *planFlags, id string) (string, error) {
	if !af.attribute && af.against == "" {
		return "", nil
	}
	var a *attribution.Attribution
	against := msg.AgainstBase.In(msg.Zh)
	af.attribute = true // --against alone asks for it
	by, err := af.check(pf, "explain --attribute")
	if err != nil {
		return "", err
	}
	if af.by == "auto" {
		by = attribution.ByGroup
	}
	if af.against != "" {
		od, err := standards.LoadFile(af.against)
		if err != nil {
			return "", fmt.Errorf("--against: %w", err)
		}
		op, err := od.Plan()
		if err != nil {
			return "", fmt.Errorf("--against: %w", err)
		}
		nd, err := pf.load()
		if err != nil {
			return "", err
		}
		np, err := nd.Plan()
		if err != nil {
			return "", err
		}
		against = againstLabel(op, np)
		a, err = attribution.Plans(op, np, by, standards.PathLabel)
		if err != nil {
			return "", coalitionError(err)
		}
	} else if a, err = overridesAttribution(pf, by); err != nil {
		return "", err
	}
	r, ok := a.Index(id)
	if !ok {
		return "", nil // explain reports the unknown sub-district
	}
	return msg.OutAttributionLine.In(msg.Zh, a.Sentence(r, against)), nil
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
	a, err := attribution.Plans(om.Plan(), nm.Plan(), by, standards.PathLabel)
	if err != nil {
		return nil, nil, nil, coalitionError(err)
	}
	return b, s, report.NewAttribution(a, againstLabel(om.Plan(), nm.Plan())), nil
}

// againstLabel names the old plan in sentences: 上年 when it is the year
// before, else its year or 对比方案.
func againstLabel(old, nw *formula.Plan) string {
	switch {
	case old.FiscalYear == nw.FiscalYear-1:
		return msg.AgainstLastYear.In(msg.Zh)
	case old.FiscalYear != nw.FiscalYear:
		return msg.AgainstYear.In(msg.Zh, old.FiscalYear)
	}
	return msg.AgainstOther.In(msg.Zh)
}
