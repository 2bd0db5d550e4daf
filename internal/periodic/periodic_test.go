package periodic_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/caili/caili/internal/periodic"
)

func TestEvery(t *testing.T) {
	tests := []struct {
		name     string
		interval time.Duration
		atLeast  int64
	}{
		{"ticks until the context ends", time.Millisecond, 3},
		{"a zero interval never calls", 0, 0},
		{"a negative interval never calls", -time.Second, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int64
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() {
				defer close(done)
				periodic.Every(ctx, tc.interval, func() {
					if n.Add(1) == tc.atLeast {
						cancel()
					}
				})
			}()
			if tc.atLeast == 0 {
				<-done // returns at once, without the context ending
				cancel()
			} else {
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					t.Fatal("Every did not return after its context ended")
				}
			}
			if got := n.Load(); got != tc.atLeast {
				t.Errorf("called %d times, want %d", got, tc.atLeast)
			}
		})
	}
}

func ExampleEvery() {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	periodic.Every(ctx, time.Millisecond, func() {
		calls++
		if calls == 2 {
			cancel()
		}
	})
	fmt.Println(calls)
	// Output: 2
}
