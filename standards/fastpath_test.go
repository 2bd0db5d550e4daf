package standards

import "testing"

func TestPatchable(t *testing.T) {
	for _, tc := range []struct {
		set  string
		want bool
	}{
		{"plan.capacity=100", true},
		{"subdistrict.east.quantities.area_km2=2.5", true},
		{"plan.capacity=lots", false},
		{"subdistrict.east.performance=优", false},
		{"plan.fiscal_year=2026", false},
		{"no.such.path=1", false},
	} {
		o, err := ParseSet(tc.set)
		if err != nil {
			t.Fatal(err)
		}
		if got := Patchable(o); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.set, got, tc.want)
		}
	}
}
