package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
)

// Execution monitoring (双监控, docs/year-data.md): a planner imports a
// budget system's monthly execution export for a plan's fiscal year; the
// record keeps each import whole; planners, approvers and readers read
// the rates of every 街道, a 街道 its own.

// ExecutionMapping reads the column mapping kept beside a plan file
// (execution.MappingFile), or the default when there is none.
func ExecutionMapping(planFile string) (execution.Mapping, error) {
	if planFile == "" {
		return execution.DefaultMapping(), nil
	}
	dir := filepath.Dir(planFile)
	data, _, err := safefile.ReadInside(dir, execution.MappingFile, 1<<20)
	if errors.Is(err, fs.ErrNotExist) {
		return execution.DefaultMapping(), nil
	}
	if err != nil {
		return execution.Mapping{}, Say(caili.KindUnprocessable, msg.ExecMappingUnreadable, execution.MappingFile).Because(err)
	}
	m, ps := execution.ReadMapping(execution.MappingFile, data)
	if len(ps) > 0 {
		return m, withProblems(Say(caili.KindUnprocessable, msg.ExecMappingBad, execution.MappingFile), ps)
	}
	return m, nil
}

// ImportExecutionIn reads an execution file (name, data) against plan v
// with mapping m and records it in st (planner): every problem of the
// file is returned (KindUnprocessable) and nothing recorded, or all of
// it is, with its audit entry.
func ImportExecutionIn(ctx context.Context, st caili.Store, who caili.Actor, v *PlanVersion, m execution.Mapping, name string, data []byte) (*caili.ExecutionImport, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	p, err := v.Doc.Plan()
	if err != nil {
		return nil, err
	}
	rows, ps := execution.Parse(name, data, m, p)
	if len(ps) > 0 {
		return nil, withProblems(Say(caili.KindUnprocessable, msg.ExecNotImported, name), ps)
	}
	sum := sha256.Sum256(data)
	imp := caili.NewExecutionImport{Plan: v.ID, Year: p.FiscalYear, File: filepath.Base(name), Hash: hex.EncodeToString(sum[:])}
	for _, r := range rows {
		imp.Rows = append(imp.Rows, caili.ExecutionRow{Subdistrict: r.Subdistrict, Item: r.Item, Project: r.Project, Month: r.Month,
			Budget: r.Budget.String(), Spent: r.Spent.String(), Cumulative: r.Cumulative})
	}
	return st.ImportExecution(ctx, who, imp)
}

// ExecutionOf builds the execution report of plan p's fiscal year from
// the rows in force in st (b: the budgets in force, nil: the imported
// ones). For a 街道 token only its own lines are kept.
func ExecutionOf(ctx context.Context, st caili.Store, who caili.Actor, id string, p *formula.Plan, b execution.Budgets) (*execution.Report, error) {
	if who.Role != caili.RoleSubdistrict {
		if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader); err != nil {
			return nil, err
		}
	}
	rows, err := storedRows(ctx, st, id, p.FiscalYear)
	if err != nil {
		return nil, err
	}
	r := execution.Build(p, rows, budgetsOf(ctx, st, id, p.FiscalYear, b)) // execution_budgets.go
	if who.Role == caili.RoleSubdistrict {
		own(r, who.Subdistrict)
	}
	return r, nil
}

// storedRows reads the rows in force of a plan's year.
func storedRows(ctx context.Context, st caili.Store, id string, year int64) ([]execution.Row, error) {
	stored, err := st.ExecutionRows(ctx, id, year)
	if err != nil {
		return nil, err
	}
	rows := make([]execution.Row, 0, len(stored))
	for _, s := range stored {
		b, err1 := decimal.NewFromString(s.Budget)
		sp, err2 := decimal.NewFromString(s.Spent)
		if err := errors.Join(err1, err2); err != nil {
			return nil, Internal(msg.ExecStoredBad, err)
		}
		rows = append(rows, execution.Row{Subdistrict: s.Subdistrict, Item: s.Item, Project: s.Project, Month: s.Month,
			Budget: b, Spent: sp, Cumulative: s.Cumulative})
	}
	return rows, nil
}

// own keeps a report's lines, totals and warnings of one 街道, and counts
// only its lines.
func own(r *execution.Report, sub string) {
	var lines []*execution.Line
	for _, l := range r.Lines {
		if l.Subdistrict == sub {
			lines = append(lines, l)
		}
	}
	var totals []execution.Total
	for _, t := range r.Subdistricts {
		if t.Subdistrict == sub {
			totals = append(totals, t)
		}
	}
	var warns []execution.Warning
	for _, w := range r.Warnings {
		if w.Line.Subdistrict == sub {
			warns = append(warns, w)
		}
	}
	r.Lines, r.Subdistricts, r.Warnings = lines, totals, warns
	r.Recount()
}

// ExecutionPlan is the plan id served as id, its file on disk ("" for an
// embedded plan) and its converted plan, for the server's execution
// routes.
func (e *App) ExecutionPlan(id string) (*PlanVersion, string, *formula.Plan, error) {
	v, err := e.Plan(id)
	if err != nil {
		return nil, "", nil, err
	}
	p, err := v.Doc.Plan()
	if err != nil {
		return nil, "", nil, err
	}
	file := ""
	if s, ok := e.Plans.Get(id); ok {
		file = s.file
	}
	return v, file, p, nil
}

// ImportExecution imports an execution file into the record for the
// plan served as id (planner), with the mapping beside its file.
func (e *App) ImportExecution(ctx context.Context, who caili.Actor, id, name string, data []byte) (*caili.ExecutionImport, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	v, file, _, err := e.ExecutionPlan(id)
	if err != nil {
		return nil, err
	}
	m, err := ExecutionMapping(file)
	if err != nil {
		return nil, err
	}
	return ImportExecutionIn(ctx, st, who, v, m, name, data)
}

// Execution is the execution report of the plan served as id (a 街道
// token: its own lines).
func (e *App) Execution(ctx context.Context, who caili.Actor, id string) (*execution.Report, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	v, _, p, err := e.ExecutionPlan(id)
	if err != nil {
		return nil, err
	}
	return ExecutionOf(ctx, st, who, v.ID, p, e.Budgets)
}

// ExecutionImports lists the imports of the plan's fiscal year (not for
// a 街道 token).
func (e *App) ExecutionImports(ctx context.Context, who caili.Actor, id string) ([]caili.ExecutionImport, error) {
	st, err := e.records()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleReader); err != nil {
		return nil, err
	}
	v, _, p, err := e.ExecutionPlan(id)
	if err != nil {
		return nil, err
	}
	return st.ExecutionImports(ctx, v.ID, p.FiscalYear)
}

// NextYearOf writes next year's plan of the plan served as id into its
// folder as name.toml (planner); name "" is the id with the year after
// (xicheng → xicheng-2026). The built-in sample has no folder to write in.
func (e *App) NextYearOf(ctx context.Context, who caili.Actor, id, name string, force bool) (*Next, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	v, file, p, err := e.ExecutionPlan(id)
	if err != nil {
		return nil, err
	}
	if file == "" {
		return nil, Say(caili.KindConflict, msg.NextSample)
	}
	if name == "" {
		name = id + "-" + strconv.FormatInt(p.FiscalYear+1, 10)
	}
	if !ValidName(name) || name == id {
		return nil, Say(caili.KindBadRequest, msg.NextBadName, msg.Clip(name))
	}
	return NextYear(ctx, e.Records, who, v, file, NextOptions{Out: filepath.Join(filepath.Dir(file), name+".toml"), Force: force, Budgets: e.Budgets})
}
