package app

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// resultStore is a record whose every publication's result is result.
type resultStore struct {
	caili.Store
	result string
}

func (s resultStore) PublishedResult(_ context.Context, _ string, _ int, w io.Writer) error {
	_, err := io.WriteString(w, s.result)
	return err
}

// TestEachPublished: the 街道 of a result are read one at a time, from
// the record part by part or from a result already read, alike; the
// members around them are passed over; f's error stops the reading.
func TestEachPublished(t *testing.T) {
	const result = `{"stamp": {"plan": "x", "n": [1, {"a": "]"}]}, "plan": "p", "tiers": [{"tier": "A"}],
  "subdistricts": [
    {"id": "a", "name": "甲", "total": "10", "lines": [{"stage": "projects", "item": "v", "amount": "3"}]},
    {"id": "b", "name": "乙", "total": "20", "lines": []},
    {"id": "c", "name": "丙", "total": "30"}
  ],
  "warnings": []}`
	type row struct {
		ID    string `json:"id"`
		Total string `json:"total"`
	}
	want := []string{"a 10", "b 20", "c 30"}
	ctx := context.Background()
	st := resultStore{result: result}
	for _, pub := range []*caili.Publication{{Plan: "p", N: 1}, {Plan: "p", N: 1, Result: []byte(result)}} {
		var got []string
		err := eachPublished(ctx, st, pub, func(r *row) error {
			got = append(got, r.ID+" "+r.Total)
			return nil
		})
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("with result %v: %v %v, want %v", pub.Result != nil, got, err, want)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := eachPublished(ctx, resultStore{result: result + strings.Repeat(" ", 1<<20)}, &caili.Publication{Plan: "p", N: 1}, func(*row) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("stopped: %v after %d, want stop after 1", err, n)
	}
	for _, bad := range []string{`[]`, `{"subdistricts": {}}`, `{"subdistricts": [{"id": 1}]}`, `{"subdistricts": [`} {
		if err := eachPublished(ctx, resultStore{result: bad}, &caili.Publication{Plan: "p", N: 1}, func(*row) error { return nil }); err == nil {
			t.Errorf("%s: read without an error", bad)
		}
	}
}
