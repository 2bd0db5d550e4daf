package app

import (
	"testing"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// TestChangesFromTotalsOrResult: what changed is said from the
// approval's totals, or, for an approval made before they were kept
// (schema 0008), from the whole result it kept; the same either way.
func TestChangesFromTotalsOrResult(t *testing.T) {
	now := []caili.SubdistrictTotal{{ID: "north", Total: "5"}, {ID: "south", Total: "7"}, {ID: "new", Total: "1"}}
	withTotals := &caili.Approval{N: 1, ResultHash: "0123456789", Totals: []caili.SubdistrictTotal{{ID: "north", Total: "4"}, {ID: "south", Total: "7"}}}
	legacy := &caili.Approval{N: 1, ResultHash: "0123456789",
		Result: []byte(`{"subdistricts": [{"id": "north", "total": "4"}, {"id": "south", "total": "7"}]}`)}
	const want = "north total 4 → 5; new total — → 1; result sha256 01234567 → abcdef01"
	for name, ap := range map[string]*caili.Approval{"totals": withTotals, "result": legacy} {
		if got := changes(ap, now, "abcdef0123").In(msg.En); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
