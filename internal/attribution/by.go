package attribution

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
