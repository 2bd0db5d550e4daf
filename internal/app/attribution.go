package app

import (
	"errors"
	"strings"

	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/attribution/whatif"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
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
		return nil, msg.Choice("by", []string{"auto", "override", "group"}, by)
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
	return a, AttributionError(err)
}

// AttributionError classifies an attribution's error: too many
// overrides one by one is a bad request (by); a combination that cannot
// be evaluated is that combination's error, with a message naming it.
func AttributionError(err error) error {
	var ce *attribution.CoalitionError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, attribution.ErrTooManyPlayers):
		return msg.AppTooManyPlayers.Query("by", attribution.MaxPlayers)
	case errors.As(err, &ce):
		c := *Classify(ce.Err)
		if c.Kind == caili.KindInternal {
			return &c
		}
		c.Says = coalitionMessage(ce)
		return &c
	}
	return err
}

// coalitionMessage says which combination of an attribution cannot be
// evaluated, and why.
func coalitionMessage(ce *attribution.CoalitionError) []caili.Words {
	var who any = msg.AppCoalitionBase
	if len(ce.Players) > 0 {
		who = strings.Join(ce.Players, ", ")
	}
	return []caili.Words{msg.AppCoalition.Says(who), msg.AppCoalitionCause.Says(Classify(ce.Err).Says)}
}
