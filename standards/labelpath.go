package standards

import (
	"strings"

	"github.com/caili/caili/internal/msg"
)

// An override may name a number by the words a person reads for it
// (issue 21 §5): its label in the path table (PathLabel), such as
// 可用财力 for plan.capacity or "公务员 年人均工资" for
// staff.civil_servant.annual_pay. A path whose first segment is no table
// is looked up among the labels of the plan's numbers; a typed path that
// names nothing is offered the path whose label or last key it is.

// pathByLabel is the path of the plan's number whose label (in Chinese
// or English) is typed; "" when none is, when two are (names shared), or
// when the plan does not compile.
func (d *document) pathByLabel(typed string) string {
	found := ""
	for path, label := range d.numberLabels() {
		if label[0] == typed || strings.EqualFold(label[1], typed) {
			if found != "" {
				return ""
			}
			found = path
		}
	}
	return found
}

// numberLabels are the plan's number paths with their labels, in Chinese
// and in English; none when the plan does not compile.
func (d *document) numberLabels() map[string][2]string {
	m, _, err := compile(d)
	if err != nil || m == nil {
		return nil
	}
	p := m.Plan()
	out := map[string][2]string{}
	for _, np := range PlanNumberPaths(p) {
		out[np.Path] = [2]string{PathLabelIn(msg.Zh, np.Path, p), PathLabelIn(msg.En, np.Path, p)}
	}
	return out
}

// labelSuggestion is what a typed path that names nothing may have meant,
// as "path (label)": the path whose label is nearest to it, or whose
// last key it is (capacity → plan.capacity); "" when none.
func (d *document) labelSuggestion(typed string) string {
	labels := d.numberLabels()
	var byLabel []string
	paths := map[string]string{}
	for path, label := range labels {
		if path == typed || strings.HasSuffix(path, "."+typed) && strings.Count(path, ".") == 1 {
			return path + " (" + label[0] + ")"
		}
		byLabel = append(byLabel, label[0])
		paths[label[0]] = path
	}
	if near := nearest(typed, byLabel, 1); near != "" {
		return paths[near] + " (" + near + ")"
	}
	return ""
}
