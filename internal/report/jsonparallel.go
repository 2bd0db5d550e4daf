package report

import (
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/caili/caili/formula"
)

// A large result's sub-districts are rendered by a few goroutines, each
// a run of chunkSubdistricts of them at a time into its own buffer, while
// the calling goroutine writes the finished runs in order: the text of
// the lines and the writing overlap, and the bytes are those of one
// goroutine appending them in turn. At most 2 runs a worker are held.

// chunkSubdistricts is how many sub-districts one run renders.
const chunkSubdistricts = 32

// parallelFrom is the fewest sub-districts rendered in parallel.
const parallelFrom = 4 * chunkSubdistricts

// renderWorkers is how many goroutines render runs: the processors
// there are, at most 4; 1 renders in the calling goroutine.
func renderWorkers(n int) int {
	if n < parallelFrom {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), 4)
}

// appendRun appends sub-districts [from, to) of r, each after ",\n    "
// but the first of the result.
func (s *subWriter) appendRun(b []byte, r *formula.Result, from, to int) []byte {
	for i := from; i < to; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		b = s.append(b, &r.Subdistricts[i])
	}
	return b
}

// writeParallel writes the sub-districts of r to w after head, with
// workers goroutines rendering runs of them, and returns the first
// error of w; every goroutine it started has stopped when it returns.
func writeParallel(w io.Writer, head []byte, r *formula.Result, sw subWriter, workers int) error {
	n := len(r.Subdistricts)
	runs := (n + chunkSubdistricts - 1) / chunkSubdistricts
	out := make([]chan []byte, runs)
	for c := range out {
		out[c] = make(chan []byte, 1)
	}
	slots := make(chan struct{}, 2*workers) // runs rendered and not yet written
	free := make(chan []byte, 2*workers+1)  // buffers written, for reuse
	done := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := sw // its own scratch
			s.text = nil
			for {
				select {
				case slots <- struct{}{}:
				case <-done:
					return
				}
				c := int(next.Add(1) - 1)
				if c >= runs {
					return
				}
				var b []byte
				select {
				case b = <-free:
				default:
				}
				out[c] <- s.appendRun(b[:0], r, c*chunkSubdistricts, min(n, (c+1)*chunkSubdistricts))
			}
		})
	}
	defer func() { close(done); wg.Wait() }()
	if _, err := w.Write(head); err != nil {
		return err
	}
	for c := range runs {
		b := <-out[c]
		if _, err := w.Write(b); err != nil {
			return err
		}
		<-slots
		select {
		case free <- b:
		default:
		}
	}
	return nil
}
