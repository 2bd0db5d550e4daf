package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// logBuffer buffers the server's log (one line a request) so that a
// request costs no write system call of its own (issue 25 §4): what is
// written is flushed every logFlushEvery, when the buffer fills and when
// the server stops, so a line appears at most that late.
type logBuffer struct {
	mu   sync.Mutex
	bw   *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

// logFlushEvery is how long a log line may wait in the buffer.
const logFlushEvery = 100 * time.Millisecond

// newLogBuffer buffers w and flushes it in the background until Close.
func newLogBuffer(w io.Writer) *logBuffer {
	l := &logBuffer{bw: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		t := time.NewTicker(logFlushEvery)
		defer t.Stop()
		for {
			select {
			case <-l.stop:
				return
			case <-t.C:
				l.flush()
			}
		}
	}()
	return l
}

// Write implements io.Writer.
func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.bw.Write(p)
}

func (l *logBuffer) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bw.Flush()
}

// Close stops the background flushing and flushes what is left.
func (l *logBuffer) Close() error {
	close(l.stop)
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.bw.Flush()
}
