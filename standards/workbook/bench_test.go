package workbook

import (
	"fmt"
	"testing"

	"github.com/caili/caili/formula"
)

// bigPlan is the sample district with n sub-districts (its 15 repeated
// under new ids).
func bigPlan(b *testing.B, n int) *formula.Plan {
	p := samplePlan(b)
	subs := make([]formula.Subdistrict, n)
	for i := range subs {
		subs[i] = clone(p.Subdistricts[i%len(p.Subdistricts)])
		subs[i].ID = fmt.Sprintf("s%05d", i)
	}
	return withSubs(p, subs)
}

// BenchmarkRead10000 reads a 10,000-row workbook (and its 人员 and
// 项目绩效 sheets) of the sample district's columns; the CSV shape too.
func BenchmarkRead10000(b *testing.B) {
	p := bigPlan(b, 10000)
	for _, f := range []struct {
		name   string
		format Format
	}{{"xlsx", XLSX}, {"csv", CSV}} {
		data := template(b, p, TemplateOptions{Format: f.format})
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if subs, ps := Read("big."+f.name, data, p); len(ps) > 0 || len(subs) != 10000 {
					b.Fatalf("%d sub-districts, problems %v", len(subs), ps[:min(3, len(ps))])
				}
			}
		})
	}
}
