package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// 二上 (docs/year.md): after the 控制数, each 街道 breaks its figure — its
// 因素分配 and incentive, with the 保底封顶 that corrects them: the funds of
// no standard of their own — down into projects, on the breakdown
// workbook caili writes. The lines must add up to the figure to the
// unit, name a use of the plan's [[use]] list, and codes that use allows
// and the 科目 table holds. The planner accepts or returns each with a
// reason; the 批复 carries the accepted ones.

// Figure is what a 街道 breaks down: from the 控制数 (or the latest
// adjustment).
type Figure struct {
	Control     caili.KindPublication // the 控制数 or adjustment
	Subdistrict report.SubdistrictJSON
	Amount      decimal.Decimal // incentive + block + damping
	Uses        []standards.Use
	Catalogue   *formula.Catalogue
}

// figureOf is the figure of 街道 sd in the year's 控制数, or after an
// adjustment in the adjustment (the figure in force); after the 批复 and
// before any adjustment breakdowns are closed (KindConflict).
func figureOf(ctx context.Context, st caili.Store, plan, sd string) (*Figure, error) {
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	kps, err := st.KindPublications(ctx, plan)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(kps, func(k caili.KindPublication) bool { return k.Kind == caili.KindControl && k.Year == v.FiscalYear })
	if i < 0 {
		return nil, Say(caili.KindConflict, msg.YearNoControl, plan, v.FiscalYear)
	}
	f := &Figure{Control: kps[i]}
	if j := lastInForce(kps, v.FiscalYear); j >= 0 {
		if kps[j].Kind == caili.KindApproval {
			return nil, Say(caili.KindConflict, msg.YearBreakdownClosed, plan, v.FiscalYear, kps[j].Wenhao)
		}
		f.Control = kps[j] // after an adjustment: its figure
	}
	if _, err := st.PublicationHeadOf(ctx, plan, f.Control.N); err != nil {
		return nil, err
	}
	row, err := publishedRowOf(ctx, st, plan, f.Control.N, sd, msg.YearPublishedUnreadable) // published_stream.go
	if caili.KindOf(err) == caili.KindNotFound {
		return nil, Say(caili.KindForbidden, msg.AppObjectionNoSub, plan, sd)
	}
	if err != nil {
		return nil, err
	}
	f.Subdistrict = *row
	for _, a := range []string{f.Subdistrict.Incentive, f.Subdistrict.Block, f.Subdistrict.Damping} {
		d, err := decimal.NewFromString(a)
		if err != nil {
			return nil, Internal(msg.YearPublishedUnreadable, err)
		}
		f.Amount = f.Amount.Add(d)
	}
	vv, err := LoadVersion(ctx, st, plan, f.Control.N)
	if err != nil {
		return nil, err
	}
	f.Uses = vv.Plan.Doc.Uses()
	if p, err := vv.Plan.Doc.Plan(); err == nil {
		f.Catalogue = p.Catalogue
	}
	return f, nil
}

// BreakdownTemplate writes the breakdown workbook of a 街道 token's own
// figure.
func (e *App) BreakdownTemplate(ctx context.Context, who caili.Actor, plan string) ([]byte, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if who.Role != caili.RoleSubdistrict || who.Subdistrict == "" {
		return nil, Say(caili.KindForbidden, msg.YearOnlySubdistrict)
	}
	f, err := figureOf(ctx, st, plan, who.Subdistrict)
	if err != nil {
		return nil, err
	}
	uses := make([]workbook.BreakdownUse, len(f.Uses))
	for i, u := range f.Uses {
		uses[i] = workbook.BreakdownUse{ID: u.ID, Name: u.Name, Codes: strings.Join(append(slices.Clone(u.FunctionCodes), u.EconomicCodes...), " ")}
	}
	var buf bytes.Buffer
	if err := workbook.BreakdownTemplate(&buf, f.Subdistrict.Name, f.Control.Year, f.Amount.String(), f.Control.Wenhao, uses); err != nil {
		return nil, Internal(msg.AppTemplateFailed, err)
	}
	return buf.Bytes(), nil
}

// SubmitBreakdown records a 街道's breakdown; one with problems is
// recorded and refused (422, each problem at its cell).
func (e *App) SubmitBreakdown(ctx context.Context, who caili.Actor, plan, name string, data []byte) (s *caili.Submission, err error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	e.limitUpload(func() { s, err = SubmitBreakdownIn(ctx, st, who, plan, name, data) })
	return s, err
}

// SubmitBreakdownIn is SubmitBreakdown on a store.
func SubmitBreakdownIn(ctx context.Context, st caili.Store, who caili.Actor, plan, name string, data []byte) (*caili.Submission, error) {
	if who.Role != caili.RoleSubdistrict || who.Subdistrict == "" {
		return nil, Say(caili.KindForbidden, msg.YearOnlySubdistrict)
	}
	f, err := figureOf(ctx, st, plan, who.Subdistrict)
	if err != nil {
		return nil, err
	}
	lines, ps := workbook.ReadBreakdown(name, data)
	total := decimal.Zero
	if len(ps) == 0 {
		ps, total = checkBreakdown(name, f, lines)
	}
	lj, _ := json.Marshal(lines)
	sum := sha256.Sum256(data)
	sb, err := st.Submit(ctx, who, true, caili.NewSubmission{Plan: plan, Year: f.Control.Year, Version: f.Control.N,
		Subdistrict: who.Subdistrict, FileName: name, Data: data, Hash: hex.EncodeToString(sum[:]), Problems: fileProblems(ps),
		Lines: lj, Total: total.String()})
	if err != nil {
		return nil, err
	}
	if len(ps) > 0 {
		return sb, withProblems(Say(caili.KindUnprocessable, msg.YearBreakdownProblems, sb.N), ps)
	}
	return sb, nil
}

// lastInForce is the index of a year's latest 批复 or adjustment (-1:
// none).
func lastInForce(kps []caili.KindPublication, year int64) int {
	j := -1
	for i, k := range kps {
		if k.Year == year && (k.Kind == caili.KindApproval || k.Kind == caili.KindAdjust) {
			j = i
		}
	}
	return j
}

// checkBreakdown checks the lines against the figure: each use among
// the plan's, each code allowed by it and in the 科目 table, the sum the
// figure to the unit.
func checkBreakdown(file string, f *Figure, lines []workbook.BreakdownLine) ([]formula.Problem, decimal.Decimal) {
	var ps []formula.Problem
	add := func(code formula.Code, at string, m msg.Message, args ...any) {
		ps = append(ps, formula.Problem{File: file, Path: at, Code: code, Says: []formula.Words{m.Words(args...)}})
	}
	total := decimal.Zero
	names := make([]string, len(f.Uses))
	for i, u := range f.Uses {
		names[i] = u.ID + " " + u.Name
	}
	for _, l := range lines {
		total = total.Add(l.Amount)
		i := slices.IndexFunc(f.Uses, func(u standards.Use) bool { return u.ID == l.Use || u.Name == l.Use })
		if i < 0 {
			add(formula.CodeUnknownRef, l.Cells[workbook.ColUse], msg.YearUseNotPermitted, l.Use, strings.Join(names, "、"))
			continue
		}
		u := f.Uses[i]
		for _, c := range []struct {
			col   int
			kind  formula.CodeKind
			code  string
			allow []string
		}{{workbook.ColFunction, formula.FunctionCode, l.Function, u.FunctionCodes}, {workbook.ColEconomic, formula.EconomicCode, l.Economic, u.EconomicCodes}} {
			switch {
			case c.code == "":
			case !formula.ValidCode(c.kind, c.code):
				add(formula.CodeBadValue, l.Cells[c.col], msg.StdUseCode, c.code)
			case len(c.allow) > 0 && !slices.Contains(c.allow, c.code):
				add(formula.CodeBadValue, l.Cells[c.col], msg.YearCodeNotAllowed, c.code, u.Name, strings.Join(c.allow, "、"))
			case len(c.allow) == 0 && f.Catalogue != nil && f.Catalogue.Names(c.kind)[c.code] == "" && len(f.Catalogue.Names(c.kind)) > 0:
				add(formula.CodeBadValue, l.Cells[c.col], msg.YearCodeUnknown, c.code, f.Catalogue.File)
			}
		}
	}
	if !total.Equal(f.Amount) {
		add(formula.CodeBadValue, workbook.SheetBreakdown, msg.YearBreakdownSum, total.String(), f.Amount.String(), total.Sub(f.Amount).String())
	}
	return ps, total
}

// DecideBreakdown accepts or returns (with a reason) a submitted
// breakdown (planner).
func (e *App) DecideBreakdown(ctx context.Context, who caili.Actor, plan string, n int, accept bool, reason string) (*caili.Submission, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	return DecideBreakdownIn(ctx, st, who, plan, n, accept, reason)
}

// DecideBreakdownIn is DecideBreakdown on a store.
func DecideBreakdownIn(ctx context.Context, st caili.Store, who caili.Actor, plan string, n int, accept bool, reason string) (*caili.Submission, error) {
	if err := need(who, caili.RolePlanner); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if !accept && reason == "" {
		return nil, Say(caili.KindBadRequest, msg.AppRejectNeedsReason)
	}
	if len([]rune(reason)) > maxNoteRunes {
		return nil, Say(caili.KindBadRequest, msg.AppReasonTooLong, maxNoteRunes)
	}
	return st.DecideBreakdown(ctx, who, plan, n, accept, reason)
}

// Submissions lists a plan's data files or breakdowns of its current
// year (planner, approver; a 街道 its own).
func (e *App) Submissions(ctx context.Context, who caili.Actor, plan string, breakdown bool) ([]caili.Submission, error) {
	st, err := e.yearStore()
	if err != nil {
		return nil, err
	}
	if err := need(who, caili.RolePlanner, caili.RoleApprover, caili.RoleSubdistrict); err != nil {
		return nil, err
	}
	v, err := latest(ctx, st, plan)
	if err != nil {
		return nil, err
	}
	all, err := st.Submissions(ctx, plan, v.FiscalYear, breakdown)
	if err != nil || who.Role != caili.RoleSubdistrict {
		return all, err
	}
	own := all[:0:0]
	for _, s := range all {
		if s.Subdistrict == who.Subdistrict {
			own = append(own, s)
		}
	}
	return own, nil
}
