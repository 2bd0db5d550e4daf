package server

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The connection path (issue 25 §4): the fast path's answers (a plan's
// own allocations, fastpath.go) given straight on the TCP connection,
// before net/http. A spreadsheet asking for the same cached CSV again
// and again is the busiest request there is; net/http's reading of a
// request and writing of an answer cost more than everything caili does
// for it (a bare net/http server sending the same bytes reached 65 % of
// nginx's rate here, caili's fast path 52 %). connListener sits between
// the TCP listener and http.Server: it reads each connection's requests
// itself while they are ones the fast path answers — a plain HTTP/1.1
// GET or HEAD (connhead.go) that the gate lets in without a word, of a
// plan whose answer is built — and writes the prebuilt answer with one
// system call. At the first request it does not answer, it hands the
// connection to net/http, the bytes it has read included, and net/http
// serves it from then on, exactly as without it. TestConnPathSameAnswers
// holds the two paths' answers alike.

// connBufSize is a connection's read buffer: a head that does not fit
// goes to net/http (which takes heads up to MaxHeaderBytes).
const connBufSize = 4096

// connYieldAfter is how long a connection's goroutine computes what-ifs,
// from the head of each to its answer's last byte, before it lets the
// others run first (runtime.Gosched). Without it, 64 connections each
// asking for a what-if as fast as they can were served in bursts on this
// 2-core machine: at 24,000 a second the slowest 1 % waited 25–27 ms
// instead of 12–14 ms. Yielding after every what-if gave 10.5 ms, after
// every 8th 16 ms; after about 250 µs (every 4th what-if of the sample)
// the tail stays at 13–14 ms. Prebuilt answers, a few microseconds each,
// are not timed (docs/performance.md, "Fair service").
const connYieldAfter = 250 * time.Microsecond

// connListener is the listener http.Server accepts from: the
// connections the connection path handed over.
type connListener struct {
	net.Listener
	f       *fastPath
	ctx     context.Context // for the token check; ends at shutdown
	timeout time.Duration   // a connection's idle, read and write deadline
	headMax time.Duration   // the time to read a head from its first byte
	handoff chan net.Conn
	done    chan struct{} // closed by Close
	failed  chan struct{} // closed when accepting failed for good
	err     error         // why accepting failed (set before failed is closed)
	once    sync.Once
	mu      sync.Mutex
	idle    map[net.Conn]bool // the connections being read, true while waiting for a request
	wg      sync.WaitGroup    // the connections being read
	date    atomic.Pointer[dateLine]
}

// newConnListener starts reading ln's connections for f, and returns the
// listener of those it hands over. timeout bounds the wait for a request
// and for writing its answer, headMax the reading of a head once begun.
func newConnListener(ctx context.Context, ln net.Listener, f *fastPath, timeout, headMax time.Duration) *connListener {
	l := &connListener{Listener: ln, f: f, ctx: ctx, timeout: timeout, headMax: headMax, handoff: make(chan net.Conn),
		done: make(chan struct{}), failed: make(chan struct{}), idle: map[net.Conn]bool{}}
	go l.acceptLoop()
	return l
}

// Accept returns the next connection handed over to net/http.
func (l *connListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.handoff:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	case <-l.failed:
		return nil, l.err
	}
}

// Close stops accepting and closes the connections waiting for a
// request; those answering one close when they have answered.
func (l *connListener) Close() error {
	var err error
	l.once.Do(func() {
		close(l.done)
		err = l.Listener.Close()
		l.mu.Lock()
		for c, waiting := range l.idle {
			if waiting {
				c.Close()
			}
		}
		l.mu.Unlock()
	})
	return err
}

// wait waits until every connection being read is closed, or ctx ends,
// when it closes them all.
func (l *connListener) wait(ctx context.Context) {
	ended := make(chan struct{})
	go func() { l.wg.Wait(); close(ended) }()
	select {
	case <-ended:
	case <-ctx.Done():
		l.mu.Lock()
		for c := range l.idle {
			c.Close()
		}
		l.mu.Unlock()
	}
}

// acceptLoop accepts connections and reads each in a goroutine of its
// own until Close, backing off on a passing error as net/http does.
func (l *connListener) acceptLoop() {
	var pause time.Duration
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			select {
			case <-l.done:
				return
			default:
			}
			var te interface{ Temporary() bool }
			if !errors.As(err, &te) || !te.Temporary() {
				l.err = err
				close(l.failed)
				return
			}
			pause = min(max(2*pause, 5*time.Millisecond), time.Second)
			time.Sleep(pause)
			continue
		}
		pause = 0
		l.wg.Add(1)
		go l.serveConn(c)
	}
}

// serveConn answers c's requests while the fast path can, then hands c
// over, or closes it.
func (l *connListener) serveConn(c net.Conn) {
	defer l.wg.Done()
	remote, plain := connClientIP(c.RemoteAddr())
	br := bufio.NewReaderSize(c, connBufSize)
	if !plain || !l.track(c) {
		l.hand(c, br)
		return
	}
	var bufs [4][]byte
	var busy time.Duration // computing what-ifs since the last yield
	for {
		req, a, ok, err := l.next(c, br, remote)
		if err != nil {
			l.untrack(c)
			c.Close()
			return
		}
		if !ok {
			l.untrack(c)
			l.hand(c, br)
			return
		}
		if err := l.answer(c, req, a, remote, bufs[:0]); err != nil {
			l.untrack(c)
			c.Close()
			return
		}
		if req.begun.IsZero() {
			continue
		}
		if busy += time.Since(req.begun); busy >= connYieldAfter {
			busy = 0
			runtime.Gosched()
		}
	}
}

// next reads c's next request head; ok when the fast path answers it,
// with its answer (and the head consumed), else with the head left for
// net/http. An error (the client gone, a deadline, Close) ends c.
func (l *connListener) next(c net.Conn, br *bufio.Reader, remote string) (connRequest, *fastAnswer, bool, error) {
	if err := c.SetDeadline(time.Now().Add(l.timeout)); err != nil {
		return connRequest{}, nil, false, err
	}
	l.setIdle(c, true) // until a whole head is read: no request begun
	_, err := br.Peek(1)
	n := -1
	if err == nil {
		n, err = l.headLen(c, br)
	}
	l.setIdle(c, false)
	if err != nil || n < 0 {
		return connRequest{}, nil, false, err
	}
	head, _ := br.Peek(n)
	req, ok := parseHead(head)
	if !ok {
		return req, nil, false, nil
	}
	if req.query != "" { // a what-if, computed: timed for connYieldAfter
		req.begun = time.Now()
	}
	a, ok := l.f.connAnswer(l.ctx, req)
	if !ok {
		return req, nil, false, nil
	}
	_, err = br.Discard(n)
	return req, a, true, err
}

// headLen is the length of the request head at the front of br, reading
// more of c as it comes (within headMax); -1 when it does not fit the
// buffer.
func (l *connListener) headLen(c net.Conn, br *bufio.Reader) (int, error) {
	for more := false; ; more = true {
		b, _ := br.Peek(br.Buffered())
		n, plain := headEnd(b)
		if n >= 0 || !plain {
			return n, nil
		}
		if len(b) == connBufSize {
			return -1, nil
		}
		if !more {
			if err := c.SetReadDeadline(time.Now().Add(l.headMax)); err != nil {
				return -1, err
			}
		}
		if _, err := br.Peek(len(b) + 1); err != nil {
			return -1, err
		}
	}
}

// answer writes a's answer to req on c, with one system call, and logs
// it as the fast path does.
func (l *connListener) answer(c net.Conn, req connRequest, a *fastAnswer, remote string, bufs net.Buffers) error {
	start := time.Now()
	status, head, body := http.StatusOK, a.conn.ok, a.body
	if notModifiedBy(req.inm, a.etag) {
		status, head, body = http.StatusNotModified, a.conn.notModified, nil
	} else if req.method == http.MethodHead {
		body = nil
	}
	bufs = append(bufs, head, l.dateLine(start), crlf)
	if len(body) > 0 {
		bufs = append(bufs, body)
	}
	if _, err := bufs.WriteTo(c); err != nil {
		return err
	}
	l.f.s.logRequest(req.method, req.path, a.query, status, len(body), time.Since(start), remote)
	select {
	case <-l.done:
		return net.ErrClosed // shutting down: answered, and no more
	default:
		return nil
	}
}

var crlf = []byte("\r\n")

// hand gives c to net/http, the bytes br has read of it first.
func (l *connListener) hand(c net.Conn, br *bufio.Reader) {
	if err := c.SetDeadline(time.Time{}); err != nil {
		c.Close()
		return
	}
	select {
	case l.handoff <- &handedConn{Conn: c, r: br}:
	case <-l.done:
		c.Close()
	case <-l.failed:
		c.Close()
	}
}

// track counts c among the connections being read; false when closing.
func (l *connListener) track(c net.Conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-l.done:
		return false
	default:
	}
	l.idle[c] = false
	return true
}

// untrack forgets c.
func (l *connListener) untrack(c net.Conn) {
	l.mu.Lock()
	delete(l.idle, c)
	l.mu.Unlock()
}

// setIdle notes whether c is waiting for a request (Close closes it
// then); a connection closed meanwhile is closed again.
func (l *connListener) setIdle(c net.Conn, waiting bool) {
	l.mu.Lock()
	l.idle[c] = waiting
	l.mu.Unlock()
	if waiting {
		select {
		case <-l.done:
			c.Close()
		default:
		}
	}
}

// handedConn is a connection handed to net/http: its reads start with
// what the connection path had read.
type handedConn struct {
	net.Conn
	r *bufio.Reader
}

// Read reads what was read ahead, then the connection.
func (h *handedConn) Read(p []byte) (int, error) { return h.r.Read(p) }

// connClientIP is the address Gin's ClientIP gives for a TCP peer; false
// for another kind of address or one with a zone.
func connClientIP(a net.Addr) (string, bool) {
	t, ok := a.(*net.TCPAddr)
	if !ok || t.Zone != "" || t.IP == nil {
		return "", false
	}
	return t.IP.String(), true
}

// dateLine is the Date header of one second.
type dateLine struct {
	sec  int64
	line []byte
}

// dateLine is the Date header line of now, made once a second.
func (l *connListener) dateLine(now time.Time) []byte {
	sec := now.Unix()
	if d := l.date.Load(); d != nil && d.sec == sec {
		return d.line
	}
	d := &dateLine{sec: sec, line: []byte("Date: " + now.UTC().Format(http.TimeFormat) + "\r\n")}
	l.date.Store(d)
	return d.line
}

// connHeads are an answer's status line and headers as net/http writes
// them (the handler's headers sorted by name, then Date), without the
// Date line and the blank line that ends them.
type connHeads struct{ ok, notModified []byte }

// connHeadsOf are a's heads.
func connHeadsOf(a *fastAnswer) connHeads {
	return connHeads{ok: connHeadOf(a, false), notModified: connHeadOf(a, true)}
}

// connHeadOf is a's 200 head, or its 304 head when notModified.
func connHeadOf(a *fastAnswer, notModified bool) []byte {
	type header struct {
		name   string
		values []string // nil: not sent
	}
	head := func(status string, hs ...header) []byte {
		b := make([]byte, 0, 256)
		b = append(append(append(b, "HTTP/1.1 "...), status...), "\r\n"...)
		for _, h := range hs {
			if h.values != nil {
				b = append(append(append(append(b, h.name...), ": "...), h.values[0]...), "\r\n"...)
			}
		}
		return b
	}
	cache, etag, stamp := header{"Cache-Control", a.cacheControl}, header{"Etag", a.etagH}, header{"X-Caili-Stamp", a.stamp}
	if notModified {
		return head("304 Not Modified", cache, etag, stamp)
	}
	return head("200 OK", cache, header{"Content-Disposition", a.disposition}, header{"Content-Length", a.length},
		header{"Content-Type", a.contentType}, etag, stamp)
}
