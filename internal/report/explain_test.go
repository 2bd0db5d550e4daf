package report

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/caili/caili/formula"
)

// TestItemColumn pins the item column of WriteExplain: the name with the
// id after it, the name alone when both would be too wide, the id alone
// when the item has no name; its width counts CJK characters as two.
func TestItemColumn(t *testing.T) {
	long := strings.Repeat("很长的项目名称", 3) // 42 cells
	p := &formula.Plan{
		Staff:    []formula.Staff{{ID: "civil_servant", Name: "公务员"}},
		Projects: []formula.Project{{ID: "long_project", Name: long}, {ID: "unnamed", Name: "unnamed"}},
	}
	lines := []formula.Line{
		{Stage: formula.StagePersonnel, Item: "civil_servant"},
		{Stage: formula.StageProjects, Item: "long_project"},
		{Stage: formula.StageProjects, Item: "unnamed"},
		{Stage: formula.StageDamping, Item: "ceiling"},
	}
	items, width := itemColumn(p, lines)
	want := []string{"公务员 civil_servant", long, "unnamed", "封顶调减 ceiling"}
	for k := range want {
		if items[k] != want[k] {
			t.Errorf("item %d = %q, want %q", k, items[k], want[k])
		}
	}
	if width != runewidth.StringWidth(long) {
		t.Errorf("width %d, want %d", width, runewidth.StringWidth(long))
	}
	for _, it := range items {
		if w := runewidth.StringWidth(runewidth.FillRight(it, width)); w != width {
			t.Errorf("%q pads to %d cells, want %d", it, w, width)
		}
	}
}
