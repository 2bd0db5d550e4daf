package sqlite

import (
	"context"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestApprovalPins: the approval without its result is the approval,
// result left out; none is not found.
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
	if pins.Result != nil || string(full.Result) != publishedResult {
		t.Fatalf("pins carry %d bytes of result; the approval %d", len(pins.Result), len(full.Result))
	}
	full.Result = nil
	if pins.ResultHash != full.ResultHash || pins.ApprovedBy != full.ApprovedBy || !pins.ApprovedAt.Equal(full.ApprovedAt) ||
		len(pins.Baselines) != len(full.Baselines) {
		t.Errorf("pins %+v, approval %+v", pins, full)
	}
}
