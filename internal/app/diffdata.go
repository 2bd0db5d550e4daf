package app

import (
	"sort"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// dataFile is the File of the changes of sub-district data read from a
// file that is not TOML (a data workbook or CSV).
var dataFile = msg.DataFileLabel.In(msg.Zh)

// dataChanges compares the sub-district data of two plan documents as
// compiled (whatever file it came from): staff, payroll, quantities,
// rating, adjustment and project ratings, as paths
// subdistrict.<id>.<field>[.<key>].
func dataChanges(a, b *standards.Document) []Change {
	pa, pb := planOf(a), planOf(b)
	if pa == nil || pb == nil {
		return nil
	}
	fa, fb := map[string]string{}, map[string]string{}
	for _, s := range pa.Subdistricts {
		flattenSubdistrict(fa, s)
	}
	for _, s := range pb.Subdistricts {
		flattenSubdistrict(fb, s)
	}
	return keyChanges(dataFile, fa, fb)
}

func planOf(d *standards.Document) *formula.Plan {
	m, err := d.Compile()
	if err != nil {
		return nil
	}
	return m.Plan()
}

func flattenSubdistrict(out map[string]string, s formula.Subdistrict) {
	p := "subdistrict." + keyText(s.ID)
	out[p+".name"] = s.Name
	if s.Rating != "" {
		out[p+".rating"] = s.Rating
	}
	if s.Adjustment != nil {
		out[p+".adjustment"] = s.Adjustment.String()
	}
	for field, m := range map[string]formula.Values{"staff": s.Staff, "payroll": s.Payroll, "quantities": s.Quantities} {
		for k, v := range m.All() {
			out[p+"."+field+"."+keyText(k)] = v.String()
		}
	}
	keys := make([]string, 0, len(s.ProjectRatings))
	for k := range s.ProjectRatings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out[p+".project_ratings."+keyText(k)] = s.ProjectRatings[k]
	}
}
