package attribution

import (
	"strings"

	"github.com/caili/caili/formula"
)

// This file names a cause of a change the way a planner or a 街道 reads
// it: "东街道 常住人口" rather than subdistrict.east.quantities.
// resident_population, "病媒生物防制 单位成本" rather than
// project.vector_control.unit_cost. A path the plan does not name is
// shown as it is.

// fieldWords name the fields an override path ends in.
var fieldWords = map[string]string{
	"capacity": "财力总额", "reserve_rate": "预备费率", "rounding_unit": "取整单位",
	"annual_pay": "年人均标准", "oncost_rate": "社保公积金比例", "rate": "定额标准",
	"unit_cost": "单位成本", "tier": "档次", "weight": "权重", "max_share": "上限比例",
	"floor": "保底比例", "ceiling": "封顶比例", "budget": "激励预算",
	"performance": "绩效等级", "adjustment": "调节系数",
}

// PathLabel names an override path (rules §4) in the plan's words; the
// path itself when it names nothing the plan calls by a name.
func PathLabel(path string, p *formula.Plan) string {
	parts := strings.Split(path, ".")
	if p == nil || len(parts) < 2 {
		return path
	}
	var words []string
	switch parts[0] {
	case "plan":
		words = []string{fieldWord(parts[1])}
	case "staff", "quota", "project":
		words = []string{entryName(p, parts[0], parts[1]), fieldWord(parts[len(parts)-1])}
	case "subdistrict":
		words = append([]string{subdistrictName(p, parts[1])}, subdistrictField(p, parts[2:])...)
	case "tiers":
		words = []string{parts[1] + " 档", fieldWord(parts[len(parts)-1])}
	case "damping", "incentive":
		words = []string{fieldWord(parts[len(parts)-1])}
	case "performance", "project_performance":
		words = []string{"绩效系数", parts[len(parts)-1]}
	default:
		return path
	}
	for _, w := range words {
		if w == "" {
			return path
		}
	}
	return strings.Join(words, " ")
}

// fieldWord names a path's last part, "" when it has no name.
func fieldWord(f string) string { return fieldWords[f] }

// entryStage is the stage whose lines a table's entries are items of.
var entryStage = map[string]formula.Stage{"staff": formula.StagePersonnel, "quota": formula.StagePublic, "project": formula.StageProjects}

// entryName is the name of a staff category, quota or project by id
// (formula.ItemNames, the names every output uses).
func entryName(p *formula.Plan, table, id string) string {
	st, ok := entryStage[table]
	if !ok {
		return ""
	}
	return p.ItemNames().Of(st, id)
}

// subdistrictName is a sub-district's name by id.
func subdistrictName(p *formula.Plan, id string) string {
	for _, s := range p.Subdistricts {
		if s.ID == id {
			return s.Name
		}
	}
	return ""
}

// subdistrictField names what a sub-district's path sets: a quantity by
// its label (or its own name), a headcount or payroll by its staff
// category, a project rating by its project.
func subdistrictField(p *formula.Plan, rest []string) []string {
	if len(rest) == 1 {
		return []string{fieldWord(rest[0])}
	}
	if len(rest) != 2 {
		return []string{""}
	}
	switch rest[0] {
	case "quantities":
		return []string{p.QuantityName(rest[1])}
	case "staff":
		return []string{entryName(p, "staff", rest[1]), "人数"}
	case "payroll":
		return []string{entryName(p, "staff", rest[1]), "工资总额"}
	case "project_ratings":
		return []string{entryName(p, "project", rest[1]), "项目评级"}
	}
	return []string{""}
}
