package standards

import (
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads the 一体化 classification (docs/classification.md):
// [classification.block|incentive|damping], the codes of the lines of no
// standard, and the 科目 table a plan names ([plan] catalogue), against
// which every code is checked.

// classificationDoc is [classification]: one table of codes per kind of
// line that has no standard of its own.
type classificationDoc struct {
	Block     *codesDoc `toml:"block"`
	Incentive *codesDoc `toml:"incentive"`
	Damping   *codesDoc `toml:"damping"`
}

// catalogueDoc is a 科目 table file: its year and, per classification,
// code → name.
type catalogueDoc struct {
	Year        Number          `toml:"year"`
	Function    map[string]Text `toml:"function"`
	Economic    map[string]Text `toml:"economic"`
	GovEconomic map[string]Text `toml:"gov_economic"`
}

// builtinCatalogue is the 科目 table that names codes when a plan names
// none: configs/kemu-2025.toml, read once; nil if it could not be read (a
// broken build, which TestBuiltinCatalogue catches). It checks no code:
// a plan's codes are checked against the table the plan names, so that a
// plan of codes beyond the sample's keeps loading.
var builtinCatalogue = sync.OnceValue(func() *formula.Catalogue {
	data, err := configs.FS.ReadFile(configs.CataloguePath)
	if err != nil {
		return nil
	}
	d := &document{src: map[string][]byte{}, Plan: &planDoc{Catalogue: Text{Set: true, S: configs.CataloguePath}}}
	if ps := d.loadCatalogue("", func(string) ([]byte, error) { return data, nil }); len(ps) > 0 {
		return nil
	}
	return d.catalogue
})

// stageCodes converts [classification].
func (c *converter) stageCodes(p *formula.Plan, d *classificationDoc) {
	if d == nil {
		return
	}
	of := func(name string, cd *codesDoc) formula.Codes {
		if cd == nil {
			return formula.Codes{}
		}
		return c.codes("classification."+name, *cd)
	}
	p.StageCodes = formula.StageCodes{Block: of("block", d.Block), Incentive: of("incentive", d.Incentive), Damping: of("damping", d.Damping)}
}

// loadCatalogue reads the 科目 table [plan] catalogue names, a file in the
// plan's folder like the standards file.
func (d *document) loadCatalogue(planName string, read ReadFunc) []formula.Problem {
	t := d.Plan.Catalogue
	bad := func(why *Reason) []formula.Problem {
		return []formula.Problem{why.problem(planName, 0, "plan.catalogue", formula.CodeUnreadable)}
	}
	switch {
	case t.Problem != nil:
		return []formula.Problem{t.Problem.problem(planName, 0, "plan.catalogue", formula.CodeBadValue)}
	case read == nil:
		return []formula.Problem{sayAt(planName, 0, "plan.catalogue", formula.CodeStandardsNotAllowed, msg.StdStandardsAlone)}
	case !filepath.IsLocal(t.S):
		return bad(because(msg.ExportCatalogueOutside, quote(t.S)))
	}
	data, err := read(t.S)
	if err != nil {
		return bad(readProblem(msg.ExportCannotReadCatalogue, t.S, err))
	}
	var cd catalogueDoc
	_, ps := decodeFile(t.S, data, &cd)
	d.src[t.S] = data
	d.digest(data)
	d.files = append(d.files, t.S)
	if stops(ps) {
		return ps
	}
	cat := &formula.Catalogue{File: t.S, Function: map[string]string{}, Economic: map[string]string{}, GovEconomic: map[string]string{}}
	if !cd.Year.Set {
		ps = append(ps, sayAt(t.S, 0, "year", formula.CodeMissing, msg.Missing))
	} else if y := cd.Year.Dec; cd.Year.Problem != nil || !y.IsInteger() || y.IntPart() < 2000 || y.IntPart() > 2100 {
		ps = append(ps, sayAt(t.S, 0, "year", formula.CodeBadValue, msg.ExportCatalogueYear))
	} else {
		cat.Year = y.IntPart()
	}
	for _, part := range []struct {
		key  string
		kind formula.CodeKind
		in   map[string]Text
		out  map[string]string
	}{{"function", formula.FunctionCode, cd.Function, cat.Function}, {"economic", formula.EconomicCode, cd.Economic, cat.Economic},
		{"gov_economic", formula.EconomicCode, cd.GovEconomic, cat.GovEconomic}} {
		for code, name := range part.in {
			path := part.key + "." + code
			switch {
			case code == "" || !formula.ValidCode(part.kind, code):
				ps = append(ps, sayAt(t.S, 0, path, formula.CodeBadValue, msg.ExportCatalogueCode, code))
			case name.Problem != nil:
				ps = append(ps, name.Problem.problem(t.S, 0, path, formula.CodeBadValue))
			case name.S == "":
				ps = append(ps, sayAt(t.S, 0, path, formula.CodeBadValue, msg.ExportCatalogueName, code))
			default:
				part.out[code] = name.S
			}
		}
	}
	d.catalogue = cat
	return ps
}

// checkCatalogue reports every code of the plan that its catalogue does
// not hold, with the nearest code that it does.
func (c *converter) checkCatalogue(p *formula.Plan) {
	cat := p.Catalogue
	if cat == nil {
		return
	}
	check := func(path string, cs formula.Codes) {
		for _, k := range []struct {
			key  string
			kind formula.CodeKind
			code string
		}{{"function_code", formula.FunctionCode, cs.Function}, {"economic_code", formula.EconomicCode, cs.Economic},
			{"gov_economic_code", formula.GovEconomicCode, cs.GovEconomic}} {
			if k.code == "" || !formula.ValidCode(k.kind, k.code) || (k.kind == formula.GovEconomicCode && k.code[0] != '5') { // malformed: formula's validation says so
				continue
			}
			names := cat.Names(k.kind)
			if _, ok := names[k.code]; ok {
				continue
			}
			c.addCode(formula.CodeBadValue, path+"."+k.key, because(msg.ExportUnknownCode, k.code, cat.File, cat.Year, nearestCode(k.code, names)))
		}
	}
	for i, s := range p.Staff {
		check(formula.EntryPath("staff", s.ID, i), s.Codes)
	}
	for i, q := range p.Quotas {
		check(formula.EntryPath("quota", q.ID, i), q.Codes)
	}
	for i, pr := range p.Projects {
		check(formula.EntryPath("project", pr.ID, i), pr.Codes)
	}
	for i, t := range p.Transfers {
		check(formula.EntryPath("transfer", t.ID, i), t.Codes)
	}
	check("classification.block", p.StageCodes.Block)
	check("classification.incentive", p.StageCodes.Incentive)
	check("classification.damping", p.StageCodes.Damping)
}

// nearestCode is the code of names nearest to code: of the same length,
// the one sharing the longest prefix, then the closest in value; "-" for
// none.
func nearestCode(code string, names map[string]string) string {
	best, bestPre, bestDist := "-", -1, int64(-1)
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	v, _ := strconv.ParseInt(code, 10, 64)
	for _, k := range keys {
		if len(k) != len(code) {
			continue
		}
		pre := 0
		for pre < len(k) && k[pre] == code[pre] {
			pre++
		}
		kv, _ := strconv.ParseInt(k, 10, 64)
		dist := kv - v
		if dist < 0 {
			dist = -dist
		}
		if pre > bestPre || (pre == bestPre && dist < bestDist) {
			best, bestPre, bestDist = k, pre, dist
		}
	}
	return best
}
