package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to read while the log flushes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogBuffer checks that buffered log lines reach the output within
// the flush interval, and all of them on Close.
func TestLogBuffer(t *testing.T) {
	var out lockedBuffer
	l := newLogBuffer(&out)
	l.Write([]byte("one\n"))
	deadline := time.Now().Add(20 * logFlushEvery)
	for out.String() != "one\n" {
		if time.Now().After(deadline) {
			t.Fatalf("after %v the output is %q", 20*logFlushEvery, out.String())
		}
		time.Sleep(logFlushEvery / 4)
	}
	l.Write([]byte("two\n"))
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasSuffix(got, "two\n") {
		t.Fatalf("after Close the output is %q", got)
	}
}
