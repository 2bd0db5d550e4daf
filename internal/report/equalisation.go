package report

import (
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// EqualisationJSON is the "equalisation" object of the JSON result
// (docs/audit.md): per-capita amounts before the block grant, after it and
// after damping, and how evenly they are spread. Statistics are decimal
// strings rounded to Decimals places, null when undefined; per-capita
// amounts are rounded to 0.01 元.
type EqualisationJSON struct {
	Population   string                `json:"population"`
	Decimals     int                   `json:"decimals"`
	Excluded     []string              `json:"excluded"`
	Stages       []EqualisationStageJS `json:"stages"`
	Subdistricts []PerCapitaJSON       `json:"subdistricts"`
}

// EqualisationStageJS is the measures at one point.
type EqualisationStageJS struct {
	Stage         string  `json:"stage"`
	Label         string  `json:"label"`
	Total         string  `json:"total"`
	MeanPerCapita string  `json:"mean_per_capita"`
	CV            *string `json:"cv"`
	Gini          *string `json:"gini"`
	Theil         *string `json:"theil"`
	MaxMinRatio   *string `json:"max_min_ratio"`
}

// PerCapitaJSON is one sub-district's population and per-capita amounts,
// keyed by stage.
type PerCapitaJSON struct {
	ID         string            `json:"id"`
	Population string            `json:"population"`
	PerCapita  map[string]string `json:"per_capita"`
}

// NewEqualisation builds the equalisation object of a result, or nil when
// the plan has no population quantity.
func NewEqualisation(r *formula.Result) *EqualisationJSON {
	e, ok := r.Equalisation()
	if !ok {
		return nil
	}
	out := &EqualisationJSON{Population: e.Population, Decimals: formula.StatPlaces, Excluded: e.Excluded}
	if out.Excluded == nil {
		out.Excluded = []string{}
	}
	for _, st := range e.Stages {
		out.Stages = append(out.Stages, EqualisationStageJS{
			Stage: st.Name, Label: st.Label, Total: st.Total.String(),
			MeanPerCapita: decimal.NewFromBigRat(st.Mean, 4).Round(2).StringFixed(2),
			CV:            statText(st.CV), Gini: statText(st.Gini), Theil: statText(st.Theil), MaxMinRatio: statText(st.MaxMin),
		})
	}
	for i, id := range e.IDs {
		pc := PerCapitaJSON{ID: id, Population: e.People[i].String(), PerCapita: map[string]string{}}
		for _, st := range e.Stages {
			pc.PerCapita[st.Name] = PerCapita(st.Amounts[i], e.People[i])
		}
		out.Subdistricts = append(out.Subdistricts, pc)
	}
	return out
}

// PerCapita renders amount / people rounded to 0.01 元 (half away from zero).
func PerCapita(amount, people decimal.Decimal) string {
	return amount.DivRound(people, 4).Round(2).StringFixed(2)
}

func statText(d *decimal.Decimal) *string {
	if d == nil {
		return nil
	}
	s := d.StringFixed(formula.StatPlaces)
	return &s
}
