// Package periodic runs a function at a fixed interval until a context
// ends: the one ticker loop of the plans' directory watch, the server's
// sweep of answers no longer served and the memory limit's check of the
// plans served. It is a leaf: it imports nothing of the module.
package periodic

import (
	"context"
	"time"
)

// Every calls f every interval until ctx is done; it returns at once for
// an interval ≤ 0. f runs in the calling goroutine, one call at a time.
func Every(ctx context.Context, interval time.Duration, f func()) {
	if interval <= 0 {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f()
		}
	}
}
