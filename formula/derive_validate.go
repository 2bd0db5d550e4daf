package formula

import (
	"reflect"
	"slices"

	"github.com/shopspring/decimal"
)

// This file spares a what-if of the capacity or the reserve rate the
// validation of the tables (issue 25 §4). Of every check of the tables
// only the plan header's reads the capacity and the reserve rate, and it
// reads them only to report them; so a plan that equals, but for those
// two numbers, a plan whose tables passed every check passes every check
// but the header's two, and its problems are those two checks' problems.

// cleanTables is the number of plans whose tables passed that a tail
// cache remembers.
const cleanTables = 8

// validateTables returns p.validate(false): from the header's checks
// alone when a plan equal to p but for the capacity and the reserve rate
// passed every check, else from all of them (remembering p when it
// passes).
func (c *tailCache) validateTables(p *Plan) problems {
	if c == nil {
		return problems(p.validate(false))
	}
	key := *p
	key.Capacity, key.ReserveRate = decimal.Decimal{}, decimal.Decimal{}
	c.mu.Lock()
	clean := slices.ContainsFunc(c.clean, func(k *Plan) bool { return reflect.DeepEqual(k, &key) })
	c.mu.Unlock()
	if clean {
		var ps problems
		newValidator(p, &ps).header()
		return ps
	}
	ps := problems(p.validate(false))
	if len(ps) == 0 {
		c.mu.Lock()
		if len(c.clean) >= cleanTables {
			c.clean = slices.Delete(c.clean, 0, 1)
		}
		c.clean = append(c.clean, &key)
		c.mu.Unlock()
	}
	return ps
}
