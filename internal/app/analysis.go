package app

import "github.com/caili/caili/standards"

// This file is what the analyses (internal/analysis: goal-seek and
// sensitivity) need of a job: its overrides, and a computing slot to
// evaluate their many what-ifs in.

// Overrides are the job's overrides in the order they apply: its
// scenario's, then the query's. A saved scenario that does not parse
// gives its error.
func (j *Job) Overrides() ([]standards.Override, error) {
	var ovs []standards.Override
	if sc := j.Scenario; sc != nil {
		if sc.Parsed == nil {
			return nil, sc.Err
		}
		ovs = append(ovs, sc.Parsed.Set...)
	}
	return append(ovs, j.Sets...), nil
}

// Limit runs fn in one of the engine's computing slots, waiting for one
// to be free, as every computed result does: a goal-seek or a sweep then
// takes one slot however many what-ifs it evaluates.
func (e *App) Limit(fn func()) { e.limit(fn) }
