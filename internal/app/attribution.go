package app

import (
	"errors"

	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/attribution/whatif"
	"github.com/caili/caili/standards"
)

// Attribute splits the change a job's what-if makes to every
// sub-district's allocation over its overrides, or over the groups
// (capacity, standards, data, ratings), by Shapley value
// (internal/attribution, docs/attribution.md). by is "auto", "override"
// or "group". It runs in a computing slot: at most 2^12 plans are
// evaluated (a few seconds on the sample), groups at most 16.
//
// Errors: more overrides than can be attributed one by one is a bad
// request (by); a combination of the overrides that the rules reject, or
// that is not a valid plan, makes the attribution undefined and is
// classified as that combination's error would be (422 or 400), with a
// message naming it.
func (e *App) Attribute(j *Job, by string) (*attribution.Attribution, error) {
	b, ok := attribution.ParseBy(by)
	if !ok {
		return nil, QueryError("by", "by must be auto, override or group (got %q)", Clip(by))
	}
	var ovs []standards.Override
	if sc := j.Scenario; sc != nil {
		if sc.Parsed == nil {
			return nil, sc.Err
		}
		ovs = append(ovs, sc.Parsed.Set...)
	}
	ovs = append(ovs, j.Sets...)
	var a *attribution.Attribution
	var err error
	e.limit(func() { a, err = whatif.Attribute(j.Plan.Doc, ovs, b) })
	return a, attributionError(err)
}

// attributionError classifies an attribution's error.
func attributionError(err error) error {
	var ce *attribution.CoalitionError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, attribution.ErrTooManyPlayers):
		return QueryError("by", "%s", err.Error())
	case errors.As(err, &ce):
		c := *Classify(ce.Err)
		if c.Kind == KindInternal {
			return &c
		}
		c.Message = ce.Error()
		return &c
	}
	return err
}
