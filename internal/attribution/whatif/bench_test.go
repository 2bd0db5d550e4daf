package whatif

import (
	"testing"

	"github.com/caili/caili/internal/attribution"
)

// twelve are 12 overrides of the sample plan, one player each, every
// subset of which is a plan the rules fund: 4096 evaluations.
var twelve = []string{
	"plan.capacity=2700000000", "plan.reserve_rate=0.015", "project.vector_control.unit_cost=1.5",
	"staff.civil_servant.annual_pay=200000", "quota.office.rate=1",
	"subdistrict.desheng.quantities.resident_population=120000", "subdistrict.niujie.quantities.area_km2=2",
	"subdistrict.desheng.performance=良", "performance.coefficients.差=0", "damping.floor=0.9",
	"factor.workload.weight=0.5", "factor.area.weight=0.1",
	"subdistrict.xichangan.staff.community_worker=160",
}

// BenchmarkSampleTwelve attributes 12 players (13 overrides: the two
// factor weights are one) on the sample plan: 4096 plans built through the
// what-if path and evaluated without lines.
func BenchmarkSampleTwelve(b *testing.B) {
	doc := sample(b)
	ovs := sets(b, twelve...)
	for b.Loop() {
		a, err := Attribute(doc, ovs, attribution.ByPlayer)
		if err != nil {
			b.Fatal(err)
		}
		if a.Evaluations != 4096 {
			b.Fatalf("%d evaluations", a.Evaluations)
		}
	}
}
