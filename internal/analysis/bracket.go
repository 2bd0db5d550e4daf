package analysis

import (
	"context"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// walker steps away from the plan's value in one direction by doubling
// steps (1, 2, 4, … units), never below zero, until the target's answer
// changes.
type walker struct {
	dir  int64 // +1 up, -1 down
	prev int64 // the last value stepped to (the start at first)
	step int64
	done bool // reached zero, or the bound of steps
}

// next evaluates the next value; it reports the bracket [prev, point]
// when the answer there differs from the start's.
func (w *walker) next(s *search, start bool) (prev, point int64, found bool) {
	if w.done {
		return 0, 0, false
	}
	p := s.start + w.dir*w.step
	if p <= 0 {
		p, w.done = 0, true
	}
	if w.step >= int64(1)<<maxDoublings {
		w.done = true
	}
	w.step *= 2
	if s.eval(p).Holds != start {
		return w.prev, p, true
	}
	w.prev = p
	return 0, 0, false
}

// bracket finds two values a bisection can start from, the target
// holding at one and not at the other, and which end of the values
// meeting the target lies between them. With FindAuto it walks both
// ways at once.
func (s *search) bracket(ctx context.Context) (lo, hi int64, find Find, err error) {
	h0 := s.eval(s.start).Holds
	var walkers []*walker
	for _, dir := range []int64{-1, 1} {
		// min: the boundary is below a holding start, above a failing one;
		// max: the other way round.
		isMin := h0 == (dir < 0)
		if s.req.Find == FindAuto || (s.req.Find == FindMin) == isMin {
			walkers = append(walkers, &walker{dir: dir, prev: s.start, step: 1, done: dir < 0 && s.start <= 0})
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return 0, 0, "", err
		}
		active := false
		for _, w := range walkers {
			prev, point, found := w.next(s, h0)
			if found {
				lo, hi = min(prev, point), max(prev, point)
				if h0 == (w.dir < 0) {
					return lo, hi, FindMin, nil
				}
				return lo, hi, FindMax, nil
			}
			active = active || !w.done
		}
		if !active {
			return 0, 0, "", s.unbounded(h0)
		}
	}
}

// unbounded is the error of a target whose boundary no walk reached.
func (s *search) unbounded(h0 bool) error {
	if h0 {
		return msg.AnalysisUnbounded.Err(caili.KindUnprocessable, s.target.describe(), s.req.Vary)
	}
	return msg.AnalysisUnreachable.Err(caili.KindUnprocessable, s.target.describe(), s.req.Vary)
}

// solution reports the answer between lo and hi, one unit apart, and
// checks one unit further into the values meeting the target.
func (s *search) solution(find Find, lo, hi int64) *Solution {
	sol := &Solution{Target: s.target.Text, Vary: s.req.Vary, Find: find, Unit: s.unit, Original: s.orig, Monotone: true}
	answer, beyond, inside := hi, lo, hi+1
	if find == FindMax {
		answer, beyond, inside = lo, hi, lo-1
	}
	sol.Answer, sol.Beyond = s.eval(answer), s.eval(beyond)
	if inside >= 0 {
		c := s.eval(inside)
		sol.Inside = &c
		sol.Monotone = c.Holds
	}
	sol.Evaluations = len(s.seen)
	return sol
}
