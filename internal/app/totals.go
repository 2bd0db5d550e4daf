package app

import "github.com/caili/caili/formula"

// A what-if asked for in a format that shows only components and totals
// (CSV, XML, one cell) is evaluated without its lines: the explanations
// are most of an evaluation's work and of a result's memory, and such a
// format never shows them (issue 25 §4). formula.Model.EvaluateTotals
// gives the same amounts and the same errors.

// totalsSuffix marks the cache key of a result evaluated without lines,
// kept apart from the full result of the same job.
const totalsSuffix = "\x00totals"

// ComputeTotals is Compute for a representation that shows only
// components and totals. A what-if's full result, when cached, serves as
// it is; otherwise the what-if is evaluated without lines and cached
// under a key of its own, which is returned for Cache.Grow. The plan's
// own result (not a what-if) is its compiled base, lines and all.
func (e *App) ComputeTotals(j *Job, key string) (*Computed, string) {
	if !j.WhatIf() {
		return j.Plan.Base, key
	}
	if c := e.Cache.lookup(key); c != nil {
		return c, key
	}
	tk := key + totalsSuffix
	return e.Cache.Get(tk, func() *Computed {
		var c Computed
		e.limit(func() { c.Res, c.Err = evaluateTotals(j) })
		return &c
	}), tk
}

// lookup returns the value cached under key, or nil; it computes nothing.
func (c *Cache) lookup(key string) *Computed {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil
	}
	c.ll.MoveToFront(el)
	c.hits++
	return el.Value.(*cacheItem).val
}

// evaluateTotals is evaluate without the lines.
func evaluateTotals(j *Job) (*formula.Result, error) {
	m, err := jobModel(j)
	if err != nil {
		return nil, err
	}
	return m.EvaluateTotals()
}
