package standards

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
)

// This file reads a plan's sub-districts from the data file `[plan] data`
// names (a workbook or CSV the 街道 filled in) instead of [[subdistrict]]
// tables. The reading itself is a [DataFunc] the caller passes with
// [WithData]: package standards does not know workbooks (standards/workbook
// does, and it may not be imported from here).

// DataFunc reads the sub-districts of plan p (its tables, without
// sub-districts) from a data file's bytes; name is the file's name as the
// plan gives it. It returns every sub-district, or the problems, each
// located by File (name) and Path (a cell such as `街道数据!F7`).
// standards/workbook's Read is one.
type DataFunc func(name string, data []byte, p *formula.Plan) ([]formula.Subdistrict, []formula.Problem)

// An Option changes how a plan is loaded.
type Option func(*options)

type options struct {
	data         DataFunc
	dataOptional bool
	published    PublishedFunc // WithPublished (published.go)
}

// WithData lets a plan name a data file (`[plan] data = "街道数据.xlsx"`),
// read by f. Without it such a plan is refused with a problem at
// plan.data.
func WithData(f DataFunc) Option { return func(o *options) { o.data = f } }

// DataOptional lets the data file be missing: the plan then has no
// sub-districts, as when its data-collection template is yet to be
// written (see [Document.Tables]).
func DataOptional() Option { return func(o *options) { o.dataOptional = true } }

func newOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return o
}

// DataFile is the data file the plan's sub-districts come from ([plan]
// data), or "" when they are [[subdistrict]] tables.
func (d *Document) DataFile() string {
	if pd := d.doc.Plan; pd != nil && pd.Data.Set && pd.Data.Problem == nil {
		return pd.Data.S
	}
	return ""
}

// loadData reads the sub-districts from the file [plan] data names and
// puts them in the document as if they were [[subdistrict]] tables, so
// that overrides, ids and patches treat them alike. It returns the
// problems; any from the data file itself stop loading (the caller
// reports them with the plan's). prior are the problems found so far: with
// any, the data file is not read.
func (d *document) loadData(planName string, read ReadFunc, o options, prior []formula.Problem) (ps []formula.Problem, stop bool) {
	t := d.Plan.Data
	at := func(code formula.Code, why *Reason) []formula.Problem {
		return []formula.Problem{why.problem(planName, 0, "plan.data", code)}
	}
	switch {
	case t.Problem != nil:
		return at(formula.CodeBadValue, t.Problem), false
	case t.S == "":
		return at(formula.CodeMissing, because(msg.StdDataEmpty)), false
	case len(d.Subdistrict) > 0:
		return at(formula.CodeDataConflict, because(msg.StdDataTwice, quote(t.S))), false
	case read == nil:
		return at(formula.CodeStandardsNotAllowed, because(msg.StdDataAlone)), true
	case o.data == nil:
		return at(formula.CodeUnreadable, because(msg.StdDataNotHere, quote(t.S))), true
	case !filepath.IsLocal(t.S):
		return at(formula.CodeUnreadable, because(msg.StdDataOutside, quote(t.S))), true
	}
	data, err := read(t.S)
	if err != nil && o.dataOptional && errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		return at(formula.CodeUnreadable, readProblem(msg.StdCannotReadData, t.S, err)), true
	}
	d.files = append(d.files, t.S)
	d.digest(data)
	d.origin["subdistrict"] = t.S
	c := &converter{}
	p := c.plan(d)
	if len(c.ps) > 0 || len(prior) > 0 {
		return []formula.Problem{sayAt(t.S, 0, "subdistrict", formula.CodeDataNotRead, msg.StdDataLater)}, false
	}
	subs, dps := o.data(t.S, data, p)
	if len(dps) > 0 {
		return dps, true
	}
	d.Subdistrict = subdistrictDocs(subs)
	return nil, false
}

// readProblem says why a file the plan names could not be read: what
// says which file (msg.StdCannotReadData, msg.StdCannotReadStandards).
func readProblem(what msg.Message, name string, err error) *Reason {
	return readReason(because(what, quote(name)), err)
}

// readReason adds to why the reason err gives for a file not read.
func readReason(why *Reason, err error) *Reason {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = why.also(msg.StdNoSuchFile)
	case errors.Is(err, safefile.ErrNotRegular):
		why = why.also(msg.StdNotRegular)
	case errors.Is(err, safefile.ErrOutside):
		why = why.also(msg.StdLinkOutside)
	case errors.Is(err, safefile.ErrTooLarge):
		why = why.also(msg.StdFileTooBig)
	}
	return why
}

// subdistrictDocs writes sub-districts as the tables they would be in a
// plan file.
func subdistrictDocs(subs []formula.Subdistrict) []subdistrictDoc {
	out := make([]subdistrictDoc, len(subs))
	for i, s := range subs {
		sd := subdistrictDoc{
			ID:             textOf(s.ID),
			Name:           textOf(s.Name),
			ProjectRatings: textsOf(s.ProjectRatings),
			data:           &subs[i],
		}
		if s.Rating != "" {
			sd.Performance = textOf(s.Rating)
		}
		if s.Adjustment != nil {
			sd.Adjustment = Number{Set: true, Dec: *s.Adjustment}
		}
		out[i] = sd
	}
	return out
}

func textOf(s string) Text { return Text{Set: true, S: s} }

// materialize gives a 街道 read from a data file its maps of numbers, for
// an override to read or change; the data as read stays as it was.
func (s *subdistrictDoc) materialize() {
	if s.data == nil {
		return
	}
	s.Staff, s.Payroll, s.Quantities = numbersOf(s.data.Staff), numbersOf(s.data.Payroll), numbersOf(s.data.Quantities)
	s.data = nil
}

// hasQuantity reports whether the 街道 has a value for quantity q.
func (s *subdistrictDoc) hasQuantity(q string) bool {
	if s.data != nil {
		return s.data.Quantities.Has(q)
	}
	_, ok := s.Quantities[q]
	return ok
}

// numbersOf is the numbers of v as a document's map; nil for none.
func numbersOf(v formula.Values) map[string]Number {
	if v.Len() == 0 {
		return nil
	}
	out := make(map[string]Number, v.Len())
	for k, x := range v.All() {
		out[k] = Number{Set: true, Dec: x}
	}
	return out
}

func textsOf(m map[string]string) map[string]Text {
	if m == nil {
		return nil
	}
	out := make(map[string]Text, len(m))
	for k, v := range m {
		out[k] = textOf(v)
	}
	return out
}
