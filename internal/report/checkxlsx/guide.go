package checkxlsx

import (
	"fmt"

	"github.com/caili/caili/formula"
)

// guide writes the 说明 sheet.
func (b *book) guide() {
	const s = SheetGuide
	for k, line := range guideText {
		if k == 0 {
			line = fmt.Sprintf(line, b.p.Name)
		}
		b.set(s, 1, k+1, line)
	}
	b.style(s, 1, 1, 1, 1, b.title)
	for _, k := range []int{4, 13, 19, 23, 31} {
		b.style(s, 1, k, 1, k, b.title)
	}
	if p := b.p; p.KeepsDistrictPool() || p.HasDistrictManaged() || p.HasTransfers() ||
		p.TierCapBase == formula.CapAvailable || p.ProjectExecution != nil {
		b.set(s, 1, len(guideText)+1, guideMoney)
	}
	b.widths(s, 160)
}
