package attribution

import (
	"fmt"
	"strings"

	"github.com/caili/caili/formula"
)

// Group is a kind of difference between two plans: what planners ask a
// change to be split over.
type Group int

// The groups, in the order a statement names them.
const (
	// GroupData is sub-district data: quantities, headcounts, payrolls.
	GroupData Group = iota
	// GroupStandards is the expenditure standards and method: pay, quotas,
	// unit costs, tiers, factor weights, coefficients, incentive and
	// damping parameters, the rounding unit, regional adjustments.
	GroupStandards
	// GroupCapacity is plan-level money: the capacity and the reserve rate.
	GroupCapacity
	// GroupRatings is performance ratings of sub-districts and project
	// ratings.
	GroupRatings
)

// Groups lists every group in order.
var Groups = [...]Group{GroupData, GroupStandards, GroupCapacity, GroupRatings}

var groupNames = [...]string{"data", "standards", "capacity", "ratings"}

// String is the group's name in English, as in JSON and CSV headers.
func (g Group) String() string { return groupNames[g] }

// Label is the group's name in Chinese.
func (g Group) Label() string { return groupLabels[g] }

// GroupOf classifies an override path (rules §4), or the path of a
// difference between two plans, into its group.
func GroupOf(path string) Group {
	parts := strings.Split(path, ".")
	switch parts[0] {
	case "plan":
		if len(parts) == 2 && (parts[1] == "capacity" || parts[1] == "reserve_rate") {
			return GroupCapacity
		}
		return GroupStandards
	case "subdistrict":
		field := ""
		if len(parts) >= 3 {
			field = parts[2]
		}
		if field == "" && len(parts) == 4 { // subdistrict.X..performance is subdistrict.X.performance
			field = parts[3]
		}
		switch field {
		case "performance", "project_ratings":
			return GroupRatings
		case "adjustment":
			return GroupStandards
		}
		return GroupData
	}
	return GroupStandards
}

// Player is one cause of the change: one override (or several that only
// make sense together, such as factor weights that must sum to 1), a
// group of differences between two plans, or one of the four groups.
type Player struct {
	Name  string   // what it is: an override path, or a group's English name
	Label string   // in Chinese, for tables and sentences
	Group Group    // the group it belongs to
	Paths []string // the paths it changes
}

// Labeller names an override path (rules §4), or the path of a
// difference between two plans, in the plan's words: "东街道 常住人口",
// "病媒生物防制 单价"; the path itself when it names nothing the plan calls
// by a name. Callers pass standards.PathLabel, the labels of the one path
// table: this package may not import standards (internal/archtest), so
// the words come in from the caller. A nil Labeller names every path by
// itself.
type Labeller func(path string, p *formula.Plan) string

// of is the label of a path.
func (l Labeller) of(path string, p *formula.Plan) string {
	if l == nil {
		return path
	}
	return l(path, p)
}

// Bundle names the player an override path belongs to when overrides are
// attributed one by one: factor weights move together (they must sum to
// 1), and so do the indicator weights of one factor; any other path is a
// player of its own (the last value of a path written twice counts),
// named by label.
func Bundle(path string, p *formula.Plan, label Labeller) (key, name string) {
	parts := strings.Split(path, ".")
	if parts[0] == "factor" && len(parts) >= 3 && parts[len(parts)-1] == "weight" {
		if len(parts) == 3 || (len(parts) == 5 && parts[2] == "indicator" && parts[3] == "") {
			return "factor.*.weight", wordFactorWeights
		}
		if parts[2] == "indicator" {
			return "factor." + parts[1] + ".indicator.*.weight", fmt.Sprintf(wordIndicatorWeights, parts[1])
		}
	}
	return path, label.of(path, p)
}

// GroupPlayers merges players (members[i]: whatever player i stands for,
// such as indices of overrides) into the groups they belong to, in the
// order of Groups; a group without any player is left out.
func GroupPlayers(players []Player, members [][]int) ([]Player, [][]int) {
	var gp []Player
	var gm [][]int
	for _, g := range Groups {
		p := Player{Name: g.String(), Label: g.Label(), Group: g}
		var m []int
		for i := range players {
			if players[i].Group == g {
				p.Paths = append(p.Paths, players[i].Paths...)
				m = append(m, members[i]...)
			}
		}
		if len(m) > 0 {
			gp = append(gp, p)
			gm = append(gm, m)
		}
	}
	return gp, gm
}
