package numfmt_test

import (
	"fmt"
	"testing"

	"github.com/caili/caili/internal/numfmt"
	"github.com/shopspring/decimal"
)

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "999": "999", "1000": "1,000", "-1089605": "-1,089,605",
		"1234567.89": "1,234,567.89", "100000": "100,000", "-100": "-100",
	} {
		if got := numfmt.Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWan(t *testing.T) {
	for in, want := range map[string]string{
		"12345678": "1,234.57", "0": "0.00", "-5000": "-0.50",
	} {
		if got := numfmt.Wan(decimal.RequireFromString(in)); got != want {
			t.Errorf("Wan(%s) = %q, want %q", in, got, want)
		}
	}
}

func ExampleGroup() {
	fmt.Println(numfmt.Group("-1089605.5"))
	// Output: -1,089,605.5
}
