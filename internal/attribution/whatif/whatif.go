// Package whatif attributes the change a what-if's overrides make to a
// plan document (internal/attribution does the arithmetic): each
// override, or each group of overrides, is a player, and a coalition's
// plan is the document with that coalition's overrides applied, through
// the what-if fast path where it can.
package whatif

import (
	"slices"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/standards"
)

// Attribute attributes the change a what-if's overrides make to every
// sub-district's allocation (base: the document as written; new: the
// document with all the overrides). Overrides of the same path, and
// overrides that must move together (factor weights, a factor's indicator
// weights), are one player. A coalition is evaluated by applying its
// players' overrides, in their order, to the document, through
// standards.Document.Model (the what-if fast path for numbers) and
// formula.Model.EvaluateTotals. A coalition the rules reject, or whose
// overrides do not make a valid plan, is a *CoalitionError: the
// attribution is then not defined.
func Attribute(doc *standards.Document, ovs []standards.Override, by attribution.By) (*attribution.Attribution, error) {
	base, err := doc.Compile()
	if err != nil {
		return nil, err
	}
	players, members := overridePlayers(ovs, base.Plan())
	grouped, err := attribution.Choose(by, len(players), len(base.Plan().Subdistricts), "overrides")
	if err != nil {
		return nil, err
	}
	if grouped {
		players, members = attribution.GroupPlayers(players, members)
	}
	perm := slowLast(ovs, members)
	players, members = permute(players, perm), permute(members, perm)
	a, err := attribution.Attribute(players, grouped, coalitionModels(doc, ovs, members))
	if err != nil {
		return nil, err
	}
	a.Reorder(perm)
	return a, nil
}

// coalitionModels evaluates coalitions of override players. Players
// whose overrides all take the what-if fast path (standards.Patchable)
// come first; the others, last, are applied the general way once per
// combination of them (the coalitions are asked for in order, so that
// combination changes only every 2^fast coalitions) and the numbers are
// patched on top.
func coalitionModels(doc *standards.Document, ovs []standards.Override, members [][]int) attribution.Evaluator {
	fast := len(members)
	for fast > 0 && !allPatchable(ovs, members[fast-1]) {
		fast--
	}
	pick := func(c attribution.Coalition, from, to int) []standards.Override {
		var idx []int
		for i := from; i < to; i++ {
			if c.Has(i) {
				idx = append(idx, members[i]...)
			}
		}
		slices.Sort(idx) // the overrides' own order
		sub := make([]standards.Override, len(idx))
		for n, k := range idx {
			sub[n] = ovs[k]
		}
		return sub
	}
	slowMask := ^attribution.Coalition(0) // none yet
	var slowDoc *standards.Document
	var slowErr error
	return func(c attribution.Coalition) (*formula.Result, error) {
		if m := c >> fast; m != slowMask {
			slowMask = m
			slowDoc, slowErr = doc.Apply(pick(c, fast, len(members))...)
		}
		if slowErr != nil {
			return nil, slowErr
		}
		m, err := slowDoc.Model(pick(c, 0, fast)...)
		if err != nil {
			return nil, err
		}
		return m.EvaluateTotals()
	}
}

func allPatchable(ovs []standards.Override, idx []int) bool {
	for _, k := range idx {
		if !standards.Patchable(ovs[k]) {
			return false
		}
	}
	return true
}

// slowLast orders players so that those with an override off the fast
// path come last, keeping the order within each kind: perm[new] = old.
func slowLast(ovs []standards.Override, members [][]int) []int {
	var fast, slow []int
	for i, m := range members {
		if allPatchable(ovs, m) {
			fast = append(fast, i)
		} else {
			slow = append(slow, i)
		}
	}
	return append(fast, slow...)
}

// overridePlayers makes the players of single overrides: one per bundle
// (attribution.Bundle), in the order of first appearance, with the indices of
// their overrides.
func overridePlayers(ovs []standards.Override, p *formula.Plan) ([]attribution.Player, [][]int) {
	var players []attribution.Player
	var members [][]int
	at := map[string]int{}
	for k, o := range ovs {
		key, label := attribution.Bundle(o.Path, p, standards.PathLabel)
		i, ok := at[key]
		if !ok {
			i = len(players)
			at[key] = i
			players = append(players, attribution.Player{Name: key, Label: label, Group: attribution.GroupOf(o.Path)})
			members = append(members, nil)
		}
		players[i].Paths = append(players[i].Paths, o.Path)
		members[i] = append(members[i], k)
	}
	return players, members
}

func permute[T any](s []T, perm []int) []T {
	out := make([]T, len(s))
	for n, old := range perm {
		out[n] = s[old]
	}
	return out
}
