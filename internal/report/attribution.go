package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/caili/caili/internal/attribution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/shopspring/decimal"
)

// AttributionJSON is a comparison's change split over its causes by
// Shapley value (docs/attribution.md): per sub-district, each player's
// part of the change, which sum exactly to the change.
type AttributionJSON struct {
	// By is "override" (each override, or difference between two plans,
	// is a player) or "group" (capacity, standards, data, ratings).
	By           string               `json:"by"`
	Players      []PlayerJSON         `json:"players"`
	Evaluations  int                  `json:"evaluations"` // plans evaluated: 2^players
	Subdistricts []AttributionRowJSON `json:"subdistricts"`
	Totals       AttributionRowJSON   `json:"totals"`
}

// PlayerJSON is one cause of the change.
type PlayerJSON struct {
	Name  string   `json:"name"`  // an override path, or a group: capacity, standards, data, ratings
	Label string   `json:"label"` // in Chinese
	Group string   `json:"group"` // the group it belongs to
	Paths []string `json:"paths"` // the paths it changes
}

// AttributionRowJSON is one sub-district's (or the totals') change of
// total and its parts, in the order of the players.
type AttributionRowJSON struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Change   string     `json:"change"`   // of the total, in 元 with two decimals
	Sentence string     `json:"sentence"` // the change in words, Chinese
	Parts    []PartJSON `json:"parts"`
}

// PartJSON is one player's part of a change.
type PartJSON struct {
	Player string `json:"player"`
	// Amount is the part of the total's change in 元, rounded to 分 so
	// that a row's amounts sum exactly to its change.
	Amount string `json:"amount"`
	// Exact is the Shapley value itself, a fraction in lowest terms
	// ("-1468800", "370/3").
	Exact string `json:"exact"`
	// Components are the parts of each component's change (rounded as
	// Amount is; total is Amount).
	Components Columns `json:"components"`
}

// NewAttribution builds the JSON document of an attribution; against
// names the base in the sentences ("原方案", "上年").
func NewAttribution(a *attribution.Attribution, against string) *AttributionJSON {
	doc := &AttributionJSON{By: "override", Evaluations: a.Evaluations}
	if a.Grouped {
		doc.By = "group"
	}
	for _, p := range a.Players {
		doc.Players = append(doc.Players, PlayerJSON{Name: p.Name, Label: p.Label, Group: p.Group.String(), Paths: p.Paths})
	}
	for i := range a.Rows {
		doc.Subdistricts = append(doc.Subdistricts, attributionRow(a, &a.Rows[i], against))
	}
	doc.Totals = attributionRow(a, &a.Totals, against)
	return doc
}

func attributionRow(a *attribution.Attribution, r *attribution.Row, against string) AttributionRowJSON {
	out := AttributionRowJSON{ID: r.ID, Name: r.Name, Change: r.Change(attribution.ColTotal).StringFixed(2), Sentence: a.Sentence(r, against)}
	var cols [attribution.Columns][]decimal.Decimal
	for c := range cols {
		cols[c] = r.Rounded(c)
	}
	for i, p := range a.Players {
		s := func(c int) string { return cols[c][i].StringFixed(2) }
		out.Parts = append(out.Parts, PartJSON{Player: p.Name, Amount: s(attribution.ColTotal), Exact: r.Parts[i][attribution.ColTotal].RatString(),
			Components: Columns{Personnel: s(0), Public: s(1), Projects: s(2), Incentive: s(3), Block: s(4), Damping: s(5), Total: s(6)}})
	}
	return out
}

// attributionHeader is the CSV columns an attribution adds: one per
// player, its part of the change of total.
func (a *AttributionJSON) attributionHeader() []string {
	var h []string
	for _, p := range a.Players {
		h = append(h, "attr:"+p.Name)
	}
	return h
}

// cells are a row's parts, for CSV; a row it lacks has empty cells.
func (a *AttributionJSON) cells(id string) []string {
	row := &a.Totals
	if id != a.Totals.ID {
		row = nil
		for i := range a.Subdistricts {
			if a.Subdistricts[i].ID == id {
				row = &a.Subdistricts[i]
			}
		}
	}
	out := make([]string, len(a.Players))
	if row != nil {
		for i, p := range row.Parts {
			out[i] = p.Amount
		}
	}
	return out
}

// writeAttributionTable writes the attribution under a comparison's
// table: change and parts per sub-district, then what each player is.
func writeAttributionTable(b *strings.Builder, a *AttributionJSON) {
	by := msg.RepByItem
	if a.By == "group" {
		by = msg.RepByGroup
	}
	fmt.Fprintf(b, "\n%s\n\n", msg.RepAttributionTitle.In(msg.Zh, by, a.Evaluations))
	head := zh(msg.RepColID, msg.RepColSubdistrict, msg.RepColChange)
	for i, p := range a.Players {
		head = append(head, fmt.Sprintf("[%d] %s", i+1, shortLabel(p)))
	}
	var rows [][]string
	for _, r := range append(append([]AttributionRowJSON{}, a.Subdistricts...), a.Totals) {
		cells := []string{r.ID, r.Name, numfmt.Group(r.Change)}
		for _, p := range r.Parts {
			cells = append(cells, numfmt.Group(p.Amount))
		}
		rows = append(rows, cells)
	}
	writeAligned(b, head, rows, 2, true)
	b.WriteString("\n")
	for i, p := range a.Players {
		fmt.Fprintf(b, "[%d] %s", i+1, p.Label)
		if p.Name != p.Label {
			fmt.Fprintf(b, " (%s)", p.Name)
		}
		if len(p.Paths) != 1 || p.Paths[0] != p.Name {
			b.WriteString(": " + strings.Join(p.Paths, ", "))
		}
		b.WriteString("\n")
	}
}

// shortLabel is a player's column heading: the group's label, or an
// override path without its table (and, for a sub-district's data,
// without the kind of data): desheng.resident_population.
func shortLabel(p PlayerJSON) string {
	if p.Label != p.Name {
		return p.Label
	}
	parts := strings.Split(p.Name, ".")
	if parts[0] == "subdistrict" && len(parts) > 3 && parts[2] != "" {
		return parts[1] + "." + strings.Join(parts[3:], ".")
	}
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".")
}

// WriteAttribution writes an attribution on its own, as a comparison's
// table writes it under the comparison: the change of every
// sub-district and its parts, then what each cause is (`caili plan
// diff`).
func WriteAttribution(w io.Writer, a *AttributionJSON) error {
	var b strings.Builder
	writeAttributionTable(&b, a)
	_, err := io.WriteString(w, b.String())
	return err
}
