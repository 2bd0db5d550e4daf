package formula

// This file spares a what-if of the capacity or the reserve rate the
// validation of the tables (issue 25 §4). Of every check of the tables
// only the plan header's reads the capacity and the reserve rate, and it
// reads them only to report them; so a plan that equals, but for those
// two numbers, a plan whose tables passed every check passes every check
// but the header's two, and its problems are those two checks' problems.
// The tail cache's entry (tail.go), keyed by the plan without those two
// numbers, remembers that its plan passed.

// validateTables returns p.validate(false), p being the plan of entry e
// (nil: none): from the header's checks alone when e's plan passed every
// check, else from all of them (remembering in e that p passed).
func (e *tailEntry) validateTables(p *Plan) problems {
	if e != nil && e.clean.Load() {
		var ps problems
		newValidator(p, &ps).header()
		return ps
	}
	ps := problems(p.validate(false))
	if len(ps) == 0 && e != nil {
		e.clean.Store(true)
	}
	return ps
}
