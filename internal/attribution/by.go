package attribution

import "fmt"

// By says what the players of an attribution are.
type By int

const (
	// ByAuto attributes to single overrides (or differences) when there
	// are at most MaxPlayers of them, else to groups.
	ByAuto By = iota
	// ByPlayer attributes to single overrides (or differences); more than
	// MaxPlayers is an error.
	ByPlayer
	// ByGroup attributes to the groups: capacity, standards, data, ratings.
	ByGroup
)

// ParseBy reads "auto" (or ""), "override" (or "player") or "group".
func ParseBy(s string) (By, bool) {
	switch s {
	case "", "auto":
		return ByAuto, true
	case "override", "player":
		return ByPlayer, true
	case "group":
		return ByGroup, true
	}
	return 0, false
}

// MaxWork bounds an attribution one by one: 2^players × sub-districts
// may be at most this many (the sample's 15 sub-districts: all 12
// players; 1,000 sub-districts: 8). Beyond it, ByAuto attributes to the
// groups (at most 16 plans, whatever the plan's size) and ByPlayer is
// refused with ErrTooManyPlayers.
const MaxWork = 1 << 18

// Choose decides whether k players (overrides or differences) of a plan
// of n sub-districts are attributed one by one or by group, and refuses
// ByPlayer beyond MaxPlayers or MaxWork. what names the players in the
// error ("overrides", "differences").
func Choose(by By, k, n int, what string) (grouped bool, err error) {
	fits := k <= MaxPlayers && (1<<k)*max(n, 1) <= MaxWork
	switch {
	case by == ByGroup:
		return true, nil
	case fits:
		return false, nil
	case by == ByAuto:
		return true, nil
	case k > MaxPlayers:
		return false, fmt.Errorf("%d %s to attribute one by one (at most %d; attribute by group instead): %w", k, what, MaxPlayers, ErrTooManyPlayers)
	}
	return false, fmt.Errorf("%d %s one by one on %d sub-districts is %d plans to evaluate (at most %d sub-district evaluations; attribute by group instead): %w",
		k, what, n, 1<<k, MaxWork, ErrTooManyPlayers)
}
