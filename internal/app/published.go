package app

import (
	"context"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// This file reads a damping baseline `@published:2025` from the record
// (docs/dated.md): the latest publication, in the store, of the plan's
// versions whose [plan] fiscal_year is 2025. The plan is the one being
// loaded, by its id in the store (`@published:ID:2025` names another),
// so a plan file kept year after year under one id finds its own past.
// What a publication freezes is the allocations JSON; its components and
// total per 街道 are handed to package standards, which subtracts what
// this year's [damping] exclude leaves out.

// publishedOptions let the plan called id take its damping baseline from
// the publications of st; nil st: none (a plan that asks gets a problem).
func publishedOptions(st caili.Store, id string) []standards.Option {
	if st == nil {
		return nil
	}
	return []standards.Option{standards.WithPublished(func(plan string, year int64) (*standards.Published, error) {
		if plan == "" {
			plan = id
		}
		return ReadPublished(context.Background(), st, plan, year)
	})}
}

// ReadPublished reads the latest publication of plan's fiscal year from
// st as a baseline needs it (a *standards.NotPublishedError when there is
// none): the command line's hook for standards.WithPublished.
func ReadPublished(ctx context.Context, st caili.Store, plan string, year int64) (*standards.Published, error) {
	pub, err := latestOfYear(ctx, st, plan, year)
	if err != nil {
		return nil, err
	}
	return baselineOf(ctx, st, pub)
}

// latestOfYear is the latest publication of plan's fiscal year, without
// its result (a *standards.NotPublishedError when there is none).
func latestOfYear(ctx context.Context, st caili.Store, plan string, year int64) (*caili.Publication, error) {
	pub, err := st.PublishedYear(ctx, plan, year)
	if err != nil {
		if ae := Classify(err); ae.Kind == caili.KindNotFound {
			return nil, &standards.NotPublishedError{Plan: plan, Year: year}
		}
		return nil, err
	}
	return pub, nil
}

// publishedRow is what a baseline reads of a published 街道.
type publishedRow struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	report.Columns
}

// baselineOf reads a publication's result as a damping baseline needs it,
// one 街道 at a time (eachPublished).
func baselineOf(ctx context.Context, st caili.Store, pub *caili.Publication) (*standards.Published, error) {
	short := pub.ResultHash
	if len(short) > 8 {
		short = short[:8]
	}
	out := &standards.Published{Version: msg.PublishedVersion.In(msg.Zh, pub.N, short), ResultHash: pub.ResultHash,
		Amounts: map[string]standards.PublishedAmounts{}}
	err := eachPublished(ctx, st, pub, func(s *publishedRow) error {
		a, err := publishedAmounts(s.Columns)
		if err != nil {
			return fmt.Errorf("sub-district %s: %w", s.ID, err)
		}
		a.Name = s.Name
		out.Amounts[s.ID] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the result published as %s version %d: %w", pub.Plan, pub.N, err)
	}
	return out, nil
}

// publishedAmounts reads a published row's components and total.
func publishedAmounts(c report.Columns) (standards.PublishedAmounts, error) {
	var a standards.PublishedAmounts
	texts := [...]string{c.Personnel, c.Public, c.Projects, c.Incentive, c.Block, c.Damping}
	for k, t := range texts {
		d, err := decimal.NewFromString(t)
		if err != nil {
			return a, fmt.Errorf("%s %q: %w", formula.ComponentNames[k], t, err)
		}
		a.Components[k] = d
	}
	d, err := decimal.NewFromString(c.Total)
	if err != nil {
		return a, fmt.Errorf("total %q: %w", c.Total, err)
	}
	a.Total = d
	return a, nil
}

// publishedVersion names the publication a loaded plan took its damping
// baseline from, or "" when it took none: part of the plan's identity
// besides its files, since a new publication of the year changes it.
func publishedVersion(v *PlanVersion) string {
	if v == nil || v.Doc == nil {
		return ""
	}
	m, err := v.Doc.Compile() // compiled once, when the plan was loaded
	if err != nil || m.Plan().Damping == nil || m.Plan().Damping.Published == nil {
		return ""
	}
	return m.Plan().Damping.Published.Citation()
}

// refreshPublished loads again, after a publication, the plans of the
// plans directory that take a baseline from a published result or failed
// for the want of one, so that they read the new publication.
func (s *Plans) refreshPublished() {
	if s.dir == "" {
		return
	}
	for _, st := range s.All() {
		if st.file == "" {
			continue
		}
		if publishedVersion(st.Good) != "" || slices.ContainsFunc(st.Problems, func(p formula.Problem) bool {
			return p.Code == formula.CodePublishedMissing || p.Code == formula.CodePublishedIncomplete
		}) {
			s.scanMu.Lock()
			s.reload(st.ID, st.file, st)
			s.scanMu.Unlock()
		}
	}
}
