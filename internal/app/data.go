package app

import (
	"bytes"
	"errors"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards/workbook"
)

// Template writes the data-collection workbook (or its CSV shape) of a
// plan as served, pre-filled with its current sub-district data: the file
// a bureau sends to its 街道 to fill in.
func (e *App) Template(v *PlanVersion, format workbook.Format) ([]byte, error) {
	p, err := v.Doc.Plan()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := workbook.Template(&buf, p, workbook.TemplateOptions{Format: format}); err != nil {
		return nil, Internal(msg.AppTemplateFailed, err)
	}
	return buf.Bytes(), nil
}

// DataPreview is what a filled data workbook would do to a plan, without
// doing it: the changes to the sub-districts' data, and the result the
// plan would give with them (or why the rules reject it).
type DataPreview struct {
	Changes  []workbook.Change
	Result   *formula.Result // nil when the rules reject the plan with the new data
	Rejected error           // the rejection, when Result is nil
}

// PreviewData reads a filled data workbook or CSV (name says which file,
// for its problems) against a plan as served and evaluates the plan with
// the data it holds; with merge only the cells present change (one 街道's
// returned copy), else the file replaces every sub-district's data. A file
// with problems is unprocessable, each problem at its sheet and cell. The
// plan being served is not changed.
func (e *App) PreviewData(v *PlanVersion, name string, data []byte, merge bool) (out *DataPreview, err error) {
	p, err := v.Doc.Plan()
	if err != nil {
		return nil, err
	}
	e.limitUpload(func() { out, err = preview(p, name, data, merge) })
	return out, err
}

// preview reads a data file against plan p and evaluates p with it.
func preview(p *formula.Plan, name string, data []byte, merge bool) (*DataPreview, error) {
	subs, changes, ps := workbook.Import(name, data, p, merge)
	if len(ps) > 0 {
		return nil, withProblems(Say(caili.KindUnprocessable, msg.AppDataProblems), ps)
	}
	np := *p
	np.Subdistricts = subs
	out := &DataPreview{Changes: changes}
	var err error
	out.Result, err = evaluatePlan(&np)
	var re *formula.RejectedError
	if errors.As(err, &re) {
		out.Rejected = err
		return out, nil
	}
	return out, err
}

// evaluatePlan compiles and evaluates a plan built in Go (the data file's
// own problems were found by the reader, at their cells).
func evaluatePlan(p *formula.Plan) (*formula.Result, error) {
	m, err := formula.Compile(p)
	if err != nil {
		return nil, err
	}
	return m.Evaluate()
}
