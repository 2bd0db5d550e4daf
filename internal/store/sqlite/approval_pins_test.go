package sqlite

import (
	"context"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestApprovalPins: the approval without its totals is the approval,
// totals left out; none is not found. Neither keeps the result again.
func TestApprovalPins(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.ApprovalPins(ctx, "p", 1); kindOf(err) != caili.KindNotFound {
		t.Errorf("no approval: %v", err)
	}
	publishOne(t, s, publishedResult)
	full, err := s.Approval(ctx, "p", 1)
	if err != nil {
		t.Fatal(err)
	}
	pins, err := s.ApprovalPins(ctx, "p", 1)
	if err != nil {
		t.Fatal(err)
	}
	if pins.Totals != nil || len(full.Totals) != 2 || full.Totals[1] != (caili.SubdistrictTotal{ID: "east", Total: "200"}) {
		t.Fatalf("pins carry totals %v; the approval %v", pins.Totals, full.Totals)
	}
	if pins.Result != nil || full.Result != nil {
		t.Fatalf("the approval keeps the result again (%d bytes)", len(full.Result))
	}
	full.Totals = nil
	if pins.ResultHash != full.ResultHash || pins.ApprovedBy != full.ApprovedBy || !pins.ApprovedAt.Equal(full.ApprovedAt) ||
		len(pins.Baselines) != len(full.Baselines) {
		t.Errorf("pins %+v, approval %+v", pins, full)
	}
}
