package standards

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// Override sets one value of a plan by path (rules §4), such as
// `project.vector_control.unit_cost = 1.5`. Every path it may name is one
// entry of the package's path table.
type Override struct {
	Path  string // the field to set: `plan.capacity`, `subdistrict.desheng.quantities.resident_population`
	Value any    // a TOML value (int64, float64, string, []any); text from --set is a string
	File  string // where it was written: a scenario file, or "--set"
	Line  int    // the line in File it was written on; 0 when not known (--set)
}

// ParseSet reads a command-line override "path=value". The value is read
// as the type of the field it sets when it is applied.
func ParseSet(arg string) (Override, error) {
	path, value, ok := strings.Cut(arg, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return Override{}, fmt.Errorf("override %q: want path=value", clip(arg))
	}
	return Override{Path: path, Value: strings.TrimSpace(value), File: "--set"}, nil
}

// ParseSets reads several command-line overrides, in order.
func ParseSets(args ...string) ([]Override, error) {
	ovs := make([]Override, 0, len(args))
	for _, a := range args {
		o, err := ParseSet(a)
		if err != nil {
			return nil, err
		}
		ovs = append(ovs, o)
	}
	return ovs, nil
}

// Scenario is a named set of overrides read from a scenario file.
type Scenario struct {
	Name        string     // [scenario] name, required
	Description string     // [scenario] description, may be empty
	Set         []Override // in file order
}

type scenarioDoc struct {
	Scenario struct {
		Name        Text `toml:"name"`
		Description Text `toml:"description"`
	} `toml:"scenario"`
	Set map[string]toml.Primitive `toml:"set"`
}

// ParseScenario reads a scenario file: `[scenario]` (name, description) and
// `[set]` with quoted paths. Every problem is reported in a *caili.Error.
func ParseScenario(file string, data []byte) (*Scenario, error) {
	var sd scenarioDoc
	md, ps := decodeFile(file, data, &sd)
	if len(ps) > 0 && fatal(ps[0]) {
		return nil, invalidOverrides(ps)
	}
	loc := locate(data) // after the limits are checked: they keep it fast
	for i := range ps {
		if ps[i].Code == formula.CodeUnknownKey {
			ps[i].Line = loc.find(ps[i].Path)
		}
	}
	sc := &Scenario{Name: sd.Scenario.Name.S, Description: sd.Scenario.Description.S}
	switch {
	case !sd.Scenario.Name.Set:
		ps = append(ps, sayAt(file, loc.find("scenario"), "scenario.name", formula.CodeMissing, msg.Missing))
	case sd.Scenario.Name.Problem != nil:
		ps = append(ps, sd.Scenario.Name.Problem.problem(file, loc.find("scenario.name"), "scenario.name", formula.CodeBadValue))
	}
	if why := sd.Scenario.Description.Problem; why != nil {
		ps = append(ps, why.problem(file, loc.find("scenario.description"), "scenario.description", formula.CodeBadValue))
	}
	// Keep the file's order: MetaData lists keys as they appear.
	for _, k := range md.Keys() {
		if len(k) != 2 || k[0] != "set" {
			continue
		}
		var v any
		if err := md.PrimitiveDecode(sd.Set[k[1]], &v); err != nil {
			ps = append(ps, sayAt(file, 0, "set."+k[1], formula.CodeBadValue, msg.StdSetValue, err))
			continue
		}
		sc.Set = append(sc.Set, Override{Path: k[1], Value: v, File: file, Line: loc.find("set." + k[1])})
	}
	if len(ps) > 0 {
		return nil, invalidOverrides(ps)
	}
	return sc, nil
}

// Apply returns a new document with the overrides applied; the receiver is
// unchanged. An unknown path or a value of the wrong type gives a *caili.Error
// with Overrides set; so does a plan the overrides leave invalid (weights
// that no longer sum to 1, say), which is validated in full.
func (d *Document) Apply(ovs ...Override) (*Document, error) {
	if len(ovs) == 0 {
		return d, nil
	}
	resolved, ps := d.doc.resolveOverrides(ovs)
	if len(ps) > 0 {
		return nil, invalidOverrides(ps)
	}
	nd, err := d.apply(resolved)
	return nd, asWritten(err, ovs, resolved)
}

// apply is Apply with the names in the overrides resolved.
func (d *Document) apply(ovs []Override) (*Document, error) {
	var ps []formula.Problem
	nd := d.doc.clone()
	for _, o := range ovs {
		if code, why := nd.set(o.Path, o.Value); why != nil {
			ps = append(ps, why.problem(o.File, o.Line, o.Path, code))
		}
	}
	var m *formula.Model
	if len(ps) == 0 {
		var vps []formula.Problem
		var err error
		if m, vps, err = compile(nd); err != nil {
			return nil, err
		}
		for _, p := range nd.sorted(nd.place(vps)) {
			alsoSay(&p, msg.StdAfterOverrides)
			ps = append(ps, p)
		}
		if m != nil {
			ps = append(ps, noEffect(ovs, m.Plan(), d.doc)...)
		}
	}
	if len(ps) > 0 {
		return nil, invalidOverrides(ps)
	}
	return &Document{doc: nd, model: m, shapes: &shapeCache{}}, nil
}

// clone copies everything an override can change.
func (d *document) clone() *document {
	c := *d
	if d.Plan != nil {
		p := *d.Plan
		c.Plan = &p
	}
	c.Staff = slices.Clone(d.Staff)
	c.Quota = slices.Clone(d.Quota)
	c.Project = slices.Clone(d.Project)
	c.Tiers = make(map[string]*tierDoc, len(d.Tiers))
	for k, t := range d.Tiers {
		tc := *t
		c.Tiers[k] = &tc
	}
	c.Factor = slices.Clone(d.Factor)
	for i := range c.Factor {
		c.Factor[i].Indicator = slices.Clone(c.Factor[i].Indicator)
	}
	if d.Performance != nil {
		p := *d.Performance
		p.Coefficients = maps.Clone(p.Coefficients)
		c.Performance = &p
	}
	if d.Incentive != nil {
		i := *d.Incentive
		c.Incentive = &i
	}
	if d.Damping != nil {
		x := *d.Damping
		c.Damping = &x
	}
	if d.ProjectPerformance != nil {
		pp := *d.ProjectPerformance
		pp.Coefficients = maps.Clone(pp.Coefficients)
		c.ProjectPerformance = &pp
	}
	c.Subdistrict = slices.Clone(d.Subdistrict)
	for i := range c.Subdistrict {
		s := &c.Subdistrict[i]
		s.Staff, s.Payroll, s.Quantities = maps.Clone(s.Staff), maps.Clone(s.Payroll), maps.Clone(s.Quantities)
		s.ProjectRatings, s.Execution = maps.Clone(s.ProjectRatings), maps.Clone(s.Execution)
	}
	if d.Block != nil {
		b := *d.Block
		c.Block = &b
	}
	if d.ProjectExecution != nil {
		pe := *d.ProjectExecution
		pe.Bands = slices.Clone(pe.Bands)
		c.ProjectExecution = &pe
	}
	c.Transfer = slices.Clone(d.Transfer)
	return &c
}
