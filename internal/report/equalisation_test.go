package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/caili/caili/internal/report"
)

// TestEqualisationJSON: the JSON result has an equalisation object when
// the plan names a population quantity ([plan] population) and none when
// it has none; its figures are formula's, rounded as documented.
func TestEqualisationJSON(t *testing.T) {
	for _, tc := range []struct {
		sets []string
		want bool
	}{{nil, false}, {[]string{"plan.population=population"}, true}} {
		res := tinyResult(t, tc.sets...)
		var b bytes.Buffer
		if err := report.WriteJSON(&b, res); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Equalisation *report.EqualisationJSON `json:"equalisation"`
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if (doc.Equalisation != nil) != tc.want {
			t.Fatalf("%v: equalisation %v, want %v", tc.sets, doc.Equalisation != nil, tc.want)
		}
		if !tc.want {
			continue
		}
		e := doc.Equalisation
		e2, _ := res.Equalisation()
		if e.Population != "population" || len(e.Stages) != 3 || len(e.Subdistricts) != len(res.Subdistricts) || e.Decimals != 6 {
			t.Fatalf("got %+v", e)
		}
		for k, st := range e.Stages {
			if st.Gini == nil || *st.Gini != e2.Stages[k].Gini.StringFixed(6) || st.Total != e2.Stages[k].Total.String() {
				t.Errorf("stage %s: %+v", st.Stage, st)
			}
		}
		if got := e.Subdistricts[0].PerCapita["after_damping"]; got != report.PerCapita(res.Subdistricts[0].Total, e2.People[0]) {
			t.Errorf("per capita %s", got)
		}
	}
}
