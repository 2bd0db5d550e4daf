package checkxlsx

import "fmt"

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
	b.widths(s, 160)
}
