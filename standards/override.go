package standards

import (
	"strings"

	"github.com/caili/caili/formula"
)

// This file is the general way of applying an override: set the field the
// path table (paths.go) names in a copy of the document, then convert and
// validate that document as if it had been written so. It takes any path
// and any kind of value.

// set applies one override to the document. It returns why it could not
// (an unknown path: [formula.CodeUnknownPath]; a value the field cannot
// take: [formula.CodeBadValue]), or nil when it did. Paths
// walk tables by key and arrays of tables by id (indicators by their
// quantity), as rules §4 describes.
func (d *document) set(path string, value any) (formula.Code, *Reason) {
	f, at, ok := lookup(path)
	var dst any
	if ok {
		dst = f.doc(d, at)
	}
	if dst == nil {
		return formula.CodeUnknownPath, d.unknownPath(path)
	}
	var problem *Reason
	switch f.kind {
	case kindNumber:
		n := parseNumber(value)
		if k, ok := dst.(numberKey); ok {
			k.m[k.key] = n
		} else {
			*dst.(*Number) = n
		}
		problem = n.Problem
	case kindText:
		t := parseText(value)
		if k, ok := dst.(textKey); ok {
			k.m[k.key] = t
		} else {
			*dst.(*Text) = t
		}
		problem = t.Problem
	case kindNames:
		l := parseNames(namesValue(value))
		*dst.(*Names) = l
		problem = l.Problem
	case kindFlag:
		f := parseFlag(value)
		*dst.(*Flag) = f
		problem = f.Problem
	case kindComponents:
		c := parseComponents(componentsValue(value))
		*dst.(*Components) = c
		problem = c.Problem
	case kindBands:
		var bands []bandDoc
		bands, problem = parseBands(value)
		*dst.(*[]bandDoc) = bands
	}
	if problem != nil {
		return formula.CodeBadValue, problem
	}
	return "", nil
}

// namesValue takes a list as a TOML array, or from the command line as a
// comma-separated string.
func namesValue(value any) any {
	s, ok := value.(string)
	if !ok {
		return value
	}
	var list []any
	for _, n := range strings.Split(s, ",") {
		list = append(list, strings.TrimSpace(n))
	}
	return list
}

// How the path table reaches a field in a document. A plain table the
// document lacks, and an entry no id matches, name nothing (nil); the
// first entry with the id is the one set.

// docGetter reaches one field in a document (the doc side of fields).
type docGetter = func(d *document, at match) any

// inTable reaches a field of a plain table that may be absent.
func inTable[T any](table func(d *document) *T, f func(*T) any) docGetter {
	return func(d *document, _ match) any {
		t := table(d)
		if t == nil {
			return nil
		}
		return f(t)
	}
}

// inEntry reaches a field of the first entry of an array of tables whose
// id (key) matched "*".
func inEntry[T any](list func(d *document) []T, key func(*T) Text, f func(*T) any) docGetter {
	return func(d *document, at match) any {
		l := list(d)
		for i := range l {
			if key(&l[i]).S == at.id {
				return f(&l[i])
			}
		}
		return nil
	}
}

func inPlan(f func(*planDoc) any) docGetter {
	return inTable(func(d *document) *planDoc { return d.Plan }, f)
}

func inPerformance(f func(*performanceDoc) any) docGetter {
	return inTable(func(d *document) *performanceDoc { return d.Performance }, f)
}

func inIncentive(f func(*incentiveDoc) any) docGetter {
	return inTable(func(d *document) *incentiveDoc { return d.Incentive }, f)
}

func inDamping(f func(*dampingDoc) any) docGetter {
	return inTable(func(d *document) *dampingDoc { return d.Damping }, f)
}

func inStaff(f func(*staffDoc) any) docGetter {
	return inEntry(func(d *document) []staffDoc { return d.Staff }, func(s *staffDoc) Text { return s.ID }, f)
}

func inQuota(f func(*quotaDoc) any) docGetter {
	return inEntry(func(d *document) []quotaDoc { return d.Quota }, func(q *quotaDoc) Text { return q.ID }, f)
}

func inProject(f func(*projectDoc) any) docGetter {
	return inEntry(func(d *document) []projectDoc { return d.Project }, func(p *projectDoc) Text { return p.ID }, f)
}

func inFactor(f func(*factorDoc) any) docGetter {
	return inEntry(func(d *document) []factorDoc { return d.Factor }, func(f *factorDoc) Text { return f.ID }, f)
}

func inSubdistrict(f func(*subdistrictDoc) any) docGetter {
	return inEntry(func(d *document) []subdistrictDoc { return d.Subdistrict }, func(s *subdistrictDoc) Text { return s.ID }, f)
}

// inIndicator reaches a field of the first indicator with the quantity
// "**" matched, in the first factor with the id that has one.
func inIndicator(f func(*indicatorDoc) any) docGetter {
	return func(d *document, at match) any {
		for i := range d.Factor {
			if d.Factor[i].ID.S != at.id {
				continue
			}
			inds := d.Factor[i].Indicator
			for k := range inds {
				if inds[k].Quantity.S == at.name {
					return f(&inds[k])
				}
			}
		}
		return nil
	}
}

// tierMaxShare reaches a tier's cap, adding the tier when the plan has
// none: the converter then checks its name. A key of [tiers] that is not
// a table (overflow, cap_base) has no cap.
func tierMaxShare(d *document, at match) any {
	t, ok := d.Tiers[at.id]
	if !ok {
		if at.id == "overflow" || at.id == "cap_base" {
			return nil
		}
		t = &tierDoc{table: true}
		d.Tiers[at.id] = t
	}
	if !t.table {
		return nil
	}
	return &t.MaxShare
}

// tiersValue reaches a value of [tiers] itself (overflow, cap_base),
// adding it (and [tiers]) when the plan has none.
func tiersValue(key string) docGetter {
	return func(d *document, _ match) any {
		t, ok := d.Tiers[key]
		if !ok {
			t = &tierDoc{}
			d.Tiers[key] = t
		}
		if t.table {
			return nil
		}
		return &t.Value
	}
}

// blockAmount reaches [block] amount, adding [block] when the plan has
// none (rules §4).
func blockAmount(d *document, _ match) any {
	if d.Block == nil {
		d.Block = &blockDoc{}
	}
	return &d.Block.Amount
}

func inTransfer(f func(*transferDoc) any) docGetter {
	return inEntry(func(d *document) []transferDoc { return d.Transfer }, func(t *transferDoc) Text { return t.ID }, f)
}

// projectCoefficient reaches a project-rating coefficient, new or not.
func projectCoefficient(d *document, at match) any {
	pd := d.ProjectPerformance
	if pd == nil {
		return nil
	}
	if pd.Coefficients == nil {
		pd.Coefficients = map[string]Number{}
	}
	return numberKey{pd.Coefficients, at.name}
}

// projectRating reaches a sub-district's rating of a project, new or not.
func projectRating(d *document, at match) any {
	s, _ := inSubdistrict(func(s *subdistrictDoc) any { return s })(d, at).(*subdistrictDoc)
	if s == nil {
		return nil
	}
	if s.ProjectRatings == nil {
		s.ProjectRatings = map[string]Text{}
	}
	return textKey{s.ProjectRatings, at.name}
}

// coefficient reaches a performance coefficient, new or not.
func coefficient(d *document, at match) any {
	pd := d.Performance
	if pd == nil {
		return nil
	}
	if pd.Coefficients == nil {
		pd.Coefficients = map[string]Number{}
	}
	return numberKey{pd.Coefficients, at.name}
}

// subdistrictMap reaches a key, new or not, of one of a sub-district's
// maps of numbers.
func subdistrictMap(m func(*subdistrictDoc) *map[string]Number) docGetter {
	entry := inSubdistrict(func(s *subdistrictDoc) any { return s })
	return func(d *document, at match) any {
		s, _ := entry(d, at).(*subdistrictDoc)
		if s == nil {
			return nil
		}
		s.materialize()
		mp := m(s)
		if *mp == nil {
			*mp = map[string]Number{}
		}
		return numberKey{*mp, at.name}
	}
}
