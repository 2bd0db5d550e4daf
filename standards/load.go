package standards

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
)

// ReadFunc reads a file by the name a plan uses for it.
type ReadFunc func(name string) ([]byte, error)

// Document is a loaded plan file (with its standards file), as written. It
// is immutable: [Document.Apply] returns a new one.
type Document struct {
	doc    *document
	model  *formula.Model // compiled by Apply, which had to validate anyway
	lazy   *lazyModel     // a loaded document's model, compiled on first use
	shapes *shapeCache    // models of its what-ifs less the header (whatif_shapes.go)
}

// LoadFile loads a plan file from disk, with the standards file it names
// (relative to the plan's directory). Only regular files are read, of at
// most [safefile.MaxInput] bytes: a FIFO or a device such as /dev/zero is
// refused before anything is read from it; and only files inside the
// plan's folder once symbolic links are followed ([safefile.ReadInside]).
func LoadFile(name string, opts ...Option) (*Document, error) {
	dir := filepath.Dir(name)
	doc, err := Load(filepath.Base(name), func(n string) ([]byte, error) {
		p := filepath.Join(dir, n)
		b, _, err := safefile.ReadInside(dir, n, safefile.MaxInput)
		if errors.Is(err, safefile.ErrNotRegular) || errors.Is(err, safefile.ErrTooLarge) {
			return nil, fmt.Errorf("%s: %w", p, err) // the operating system's errors name it already
		}
		return b, err
	}, opts...)
	var ip *formula.InvalidPlanError
	if errors.As(err, &ip) && ip.Err != nil { // the plan file itself: name it as the user did
		ip.Problems[0].File = name
	}
	return doc, err
}

// LoadFS loads a plan file from a file system such as the embedded sample.
func LoadFS(fsys fs.FS, name string, opts ...Option) (*Document, error) {
	dir := path.Dir(name)
	return Load(path.Base(name), func(n string) ([]byte, error) {
		return fs.ReadFile(fsys, path.Join(dir, n))
	}, opts...)
}

// Load reads the plan file called name through read, and the standards
// file it names, and decodes both. Problems with the TOML itself (syntax,
// unknown keys, a top-level key in both files) give a *caili.Error; the plan's
// rules are checked by [Document.Plan]. A nil read refuses a standards
// file or a data file (a plan sent over the network must be
// self-contained); a data file is read only with [WithData].
func Load(name string, read ReadFunc, opts ...Option) (*Document, error) {
	if read == nil {
		return nil, fmt.Errorf("load %s: no reader", name)
	}
	data, err := read(name)
	if err != nil {
		why := readReason(because(msg.StdCannotReadPlan), err)
		return nil, invalid("standards.Load", []formula.Problem{why.problem(name, 0, "", formula.CodeUnreadable)}, err)
	}
	return parse(name, data, read, newOptions(opts))
}

// Parse decodes a plan from bytes. read, if not nil, reads the standards
// and data files the plan names; with a nil read a plan that names one is
// refused.
func Parse(name string, data []byte, read ReadFunc, opts ...Option) (*Document, error) {
	return parse(name, data, read, newOptions(opts))
}

func parse(name string, data []byte, read ReadFunc, o options) (*Document, error) {
	d := &document{origin: map[string]string{}, src: map[string][]byte{}, files: []string{name},
		published: &publishedCache{f: o.published}}
	md, ps := decodeFile(name, data, d)
	d.settleNumbers()
	d.src[name] = data
	if !stops(ps) { // a file that is refused is not hashed: nothing is computed of it
		d.digest(data)
	}
	for _, k := range md.Keys() {
		d.origin[k[0]] = name
	}
	if d.Plan != nil && d.Plan.Standards.Set {
		sname := d.Plan.Standards.S
		switch {
		case d.Plan.Standards.Problem != nil:
			ps = append(ps, d.Plan.Standards.Problem.problem(name, 0, "plan.standards", formula.CodeBadValue))
		case read == nil:
			ps = append(ps, sayAt(name, 0, "plan.standards", formula.CodeStandardsNotAllowed, msg.StdStandardsAlone))
		default:
			ps = append(ps, d.loadStandards(name, sname, read)...)
		}
	}
	if d.Plan != nil && d.Plan.Catalogue.Set && !stops(ps) {
		ps = append(ps, d.loadCatalogue(name, read)...) // classify.go
	}
	if d.Plan != nil && d.Plan.Data.Set && !stops(ps) {
		dps, stop := d.loadData(name, read, o, ps)
		if stop {
			return nil, invalid("standards.Parse", d.place(append(ps, dps...)), nil)
		}
		ps = append(ps, dps...)
	}
	d.byID(ps)
	// Syntax errors and unreadable files stop here; other problems (unknown
	// keys, a key in both files) are kept and reported with the plan's rules.
	if stops(ps) {
		return nil, invalid("standards.Parse", d.place(ps), nil)
	}
	d.pending = ps
	d.filesHash = d.filesHex() // every file is read: the hash is final
	return &Document{doc: d, lazy: &lazyModel{}, shapes: &shapeCache{}}, nil
}

// byID names entries by id in the paths of numbers that checkText found
// by their lines, in indexed form (`subdistrict[2]` → `subdistrict[west]`),
// as every other path names them.
func (d *document) byID(ps []formula.Problem) {
	var a *aliases
	for i := range ps {
		if ps[i].Code == formula.CodeBadValue && strings.Contains(ps[i].Path, "[") {
			if a == nil {
				al := d.aliases()
				a = &al
			}
			ps[i].Path = a.toID(ps[i].Path)
		}
	}
}

// loadStandards decodes the standards file and merges its top-level keys.
// The file must be inside the plan's folder (rules §2), whatever read
// would accept: no absolute path, no "..".
func (d *document) loadStandards(planName, sname string, read ReadFunc) []formula.Problem {
	unreadable := func(why *Reason) []formula.Problem {
		return []formula.Problem{why.problem(planName, 0, "plan.standards", formula.CodeUnreadable)}
	}
	if !filepath.IsLocal(sname) {
		return unreadable(because(msg.StdStandardsOutside, quote(sname)))
	}
	data, err := read(sname)
	if err != nil {
		return unreadable(readProblem(msg.StdCannotReadStandards, sname, err))
	}
	var sd standardsDoc
	md, ps := decodeFile(sname, data, &sd)
	d.src[sname] = data
	d.digest(data)
	d.files = append(d.files, sname)
	mine := map[string]bool{}
	for _, k := range md.Keys() {
		// Tables created implicitly ([tiers.A] creates tiers) are listed
		// only by their sub-keys: take every key's first part.
		if !slices.Contains(standardsKeys, k[0]) || mine[k[0]] {
			continue
		}
		mine[k[0]] = true
		if other, ok := d.origin[k[0]]; ok {
			ps = append(ps, sayAt(sname, 0, k[0], formula.CodeDuplicateKey, msg.StdAlsoDefined, other))
			continue
		}
		d.origin[k[0]] = sname
		switch k[0] {
		case "staff":
			d.Staff = sd.Staff
		case "quota":
			d.Quota = sd.Quota
		case "project":
			d.Project = sd.Project
		case "tiers":
			d.Tiers = sd.Tiers
		case "factor":
			d.Factor = sd.Factor
		case "performance":
			d.Performance = sd.Performance
		case "incentive":
			d.Incentive = sd.Incentive
		case "damping":
			d.Damping = sd.Damping
		case "project_performance":
			d.ProjectPerformance = sd.ProjectPerformance
		case "quantity_labels":
			d.QuantityLabels = sd.QuantityLabels
		case "block":
			d.Block = sd.Block
		case "project_execution":
			d.ProjectExecution = sd.ProjectExecution
		case "transfer":
			d.Transfer = sd.Transfer
		case "classification":
			d.Classification = sd.Classification
		}
	}
	return ps
}

// Plan converts the document into the engine's plan and validates it
// against every rule of rules §2, reporting all problems in a *caili.Error.
func (d *Document) Plan() (*formula.Plan, error) {
	m, err := d.Compile()
	if err != nil {
		return nil, err
	}
	return m.Plan(), nil
}

// Compile converts, validates and compiles the plan, reporting every
// problem in a *caili.Error. The model is compiled once and kept (a document
// made by [Document.Apply] was compiled there already); it is safe to use
// from several goroutines.
func (d *Document) Compile() (*formula.Model, error) {
	if m := d.base(); m != nil {
		return m, nil
	}
	m, ps, err := compile(d.doc)
	if err != nil {
		return nil, err
	}
	if len(ps) > 0 {
		return nil, invalid("standards.Compile", d.doc.sorted(d.doc.place(ps)), nil)
	}
	return m, nil
}

// Model applies the overrides (none: the plan as written) and compiles
// the plan: a whole what-if, ready to evaluate (the loader never
// evaluates). Problems the overrides cause come back as a *caili.Error of
// caili.KindBadRequest. Overrides that only change numbers take a fast path
// (see patch.go) to the same model.
func (d *Document) Model(ovs ...Override) (*formula.Model, error) {
	if len(ovs) == 0 {
		return d.Compile()
	}
	resolved, rps := d.doc.resolveOverrides(ovs)
	if len(rps) > 0 {
		return nil, invalidOverrides(rps)
	}
	m, err := d.whatIf(resolved)
	return m, asWritten(err, ovs, resolved)
}

// whatIf is Model with the names in the overrides resolved.
func (d *Document) whatIf(ovs []Override) (*formula.Model, error) {
	if m, ok := d.byShape(ovs); ok { // whatif_shapes.go
		return m, nil
	}
	if p := d.patch(ovs); p != nil {
		if m, err := d.base().Derive(p); err == nil {
			if ps := noEffect(ovs, p, d.doc); len(ps) > 0 {
				return nil, invalidOverrides(ps)
			}
			return m, nil
		}
	}
	doc, err := d.Apply(ovs...)
	if err != nil {
		return nil, err
	}
	return doc.Compile()
}

// Tables converts and validates the plan for its data-collection
// template: like [Document.Plan], but a plan without sub-districts is
// accepted (filling them in is what the template is for).
func (d *Document) Tables() (*formula.Plan, error) {
	if len(d.doc.Subdistrict) > 0 {
		return d.Plan()
	}
	_, ps, err := compile(d.doc)
	if err != nil {
		return nil, err
	}
	ps = slices.DeleteFunc(ps, func(p formula.Problem) bool {
		return p.Path == "subdistrict" && p.Code == formula.CodeMissing
	})
	if len(ps) > 0 {
		return nil, invalid("standards.Compile", d.doc.sorted(d.doc.place(ps)), nil)
	}
	c := &converter{}
	return c.plan(d.doc), nil
}

// Files lists the files the document was read from: the plan, then the
// standards file if any.
func (d *Document) Files() []string { return slices.Clone(d.doc.files) }

// place fills in the file and line of each problem, and expands unknown
// keys (which TOML metadata names without array indices) to each entry
// that holds them.
func (d *document) place(ps []formula.Problem) []formula.Problem {
	if len(ps) == 0 {
		return ps
	}
	a := d.aliases()
	locs := map[string]*locator{}
	locOf := func(file string) *locator {
		if l, ok := locs[file]; ok {
			return l
		}
		var l *locator
		if data, ok := d.src[file]; ok {
			l = locate(data)
		}
		locs[file] = l
		return l
	}
	out := make([]formula.Problem, 0, len(ps))
	unknown := map[string]map[string]bool{} // file → unknown keys reported
	for _, p := range ps {
		if p.Code == formula.CodeUnknownKey && p.Line == 0 && !datedEntryPath.MatchString(p.Path) {
			seen := unknown[p.File]
			if seen == nil {
				seen = map[string]bool{}
				unknown[p.File] = seen
			}
			if seen[p.Path] || coveredBy(p.Path, seen) {
				continue
			}
			seen[p.Path] = true
			loc := locOf(p.File)
			if loc == nil || len(loc.plain[p.Path]) == 0 {
				if loc != nil {
					p.Line = loc.holder(p.Path)
				}
				out = append(out, p)
				continue
			}
			for _, ix := range loc.plain[p.Path] {
				q := p
				q.Line, q.Path = loc.line[ix], a.toID(ix)
				out = append(out, q)
			}
			continue
		}
		if p.File == "" {
			p.File = d.fileOf(p.Path)
		}
		if p.Line == 0 {
			if loc := locOf(p.File); loc != nil {
				p.Line = datedLine(d.src[p.File], p.Path, loc.find(a.toIndexed(p.Path))) // dated.go
			}
		}
		out = append(out, p)
	}
	return out
}

// sorted orders problems by file (plan first), then line; problems
// without a line keep their order after those with one.
func (d *document) sorted(ps []formula.Problem) []formula.Problem {
	rank := func(p formula.Problem) (int, int) {
		f := slices.Index(d.files, p.File)
		if f < 0 {
			f = len(d.files)
		}
		l := p.Line
		if l == 0 {
			l = math.MaxInt
		}
		return f, l
	}
	slices.SortStableFunc(ps, func(a, b formula.Problem) int {
		fa, la := rank(a)
		fb, lb := rank(b)
		if fa != fb {
			return fa - fb
		}
		return cmp.Compare(la, lb)
	})
	return ps
}

// fileOf is the file holding the top-level key a path starts with.
func (d *document) fileOf(path string) string {
	top := path
	if i := strings.IndexAny(path, ".["); i >= 0 {
		top = path[:i]
	}
	if f, ok := d.origin[top]; ok {
		return f
	}
	return d.files[0]
}

// aliases maps entry paths by id (`factor[workload]`) to paths by position
// (`factor[1]`) and back.
type aliases struct{ idToIx, ixToID map[string]string }

func (d *document) aliases() aliases {
	a := aliases{idToIx: map[string]string{}, ixToID: map[string]string{}}
	pair := func(idForm, ixForm string) {
		if _, ok := a.idToIx[idForm]; !ok {
			a.idToIx[idForm] = ixForm
		}
		a.ixToID[ixForm] = idForm
	}
	entries := func(table string, ids []string) {
		for i, id := range ids {
			pair(formula.EntryPath(table, id, i), formula.EntryPath(table, "", i))
		}
	}
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	entries("staff", ids(len(d.Staff), func(i int) string { return d.Staff[i].ID.S }))
	entries("quota", ids(len(d.Quota), func(i int) string { return d.Quota[i].ID.S }))
	entries("project", ids(len(d.Project), func(i int) string { return d.Project[i].ID.S }))
	entries("subdistrict", ids(len(d.Subdistrict), func(i int) string { return d.Subdistrict[i].ID.S }))
	for i, f := range d.Factor {
		fid, fix := formula.EntryPath("factor", f.ID.S, i), formula.EntryPath("factor", "", i)
		pair(fid, fix)
		for k, in := range f.Indicator {
			pair(formula.EntryPath(fid+".indicator", in.Quantity.S, k), formula.EntryPath(fix+".indicator", "", k))
		}
	}
	return a
}

func (a aliases) toIndexed(p string) string { return rewrite(p, a.idToIx) }
func (a aliases) toID(p string) string      { return rewrite(p, a.ixToID) }

// rewrite replaces the longest entry prefixes of p found in m, entry by entry.
func rewrite(p string, m map[string]string) string {
	out, done, rest := "", "", p
	for {
		i := strings.IndexByte(rest, ']')
		if i < 0 {
			return out + rest
		}
		seg := rest[:i+1]
		done += seg
		if r, ok := m[done]; ok {
			out = r
		} else {
			out += seg
		}
		rest = rest[i+1:]
	}
}

func sortedNames[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
