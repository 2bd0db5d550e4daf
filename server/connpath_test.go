package server

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// connServer serves the rig's server through the connection path in
// front of the fast path, counting the requests it hands to net/http.
func (r *fastRig) connServer() *httptest.Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		r.t.Fatal(err)
	}
	counted := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.reachedNet.Add(1)
		r.srv.router.ServeHTTP(w, req)
	})
	fp := r.srv.newFastPath(counted)
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.reachedNet.Add(1)
		if !fp.serve(w, req) {
			counted.ServeHTTP(w, req)
			r.reachedNet.Add(-1) // counted once
		}
	}))
	ts.Listener = newConnListener(context.Background(), ln, fp, 10*time.Second, 5*time.Second)
	ts.Start()
	return ts
}

// checkConn sends c through the connection path and compares the answer
// with Gin's (want): the connection path answers c itself exactly when
// the fast path would and the request is one it reads (not c.handed).
func (r *fastRig) checkConn(c fastCase, want answer) {
	r.t.Helper()
	before := r.reachedNet.Load()
	got := r.send(r.conn, c)
	if answered := r.reachedNet.Load() == before; answered != (c.fast && !c.handed) {
		r.t.Errorf("%s: answered by the connection path %v, want %v", c.name, answered, c.fast && !c.handed)
	}
	switch {
	case got.status != want.status:
		r.t.Errorf("%s: connection path: status %d, Gin %d", c.name, got.status, want.status)
	case !equalHeaders(got.header, want.header):
		r.t.Errorf("%s: connection path: headers\n%v\nGin's\n%v", c.name, got.header, want.header)
	case !bytes.Equal(got.body, want.body):
		r.t.Errorf("%s: connection path: body differs from Gin's", c.name)
	case got.log != want.log:
		r.t.Errorf("%s: connection path: log line\n%q\nGin's\n%q", c.name, got.log, want.log)
	}
}

// rawAnswers writes raw to addr on one connection and reads every answer
// until the server closes it (or answers n).
func rawAnswers(t *testing.T, addr, raw string, n int) []answer {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	var out []answer
	for len(out) < n {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			break
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		h := resp.Header.Clone()
		h.Del("Date")
		out = append(out, answer{status: resp.StatusCode, header: h, body: body})
	}
	return out
}

// TestConnPathRawRequests: requests as bytes on one connection — several
// at once, a what-if among them, and heads the connection path leaves to
// net/http — get the answers Gin gives the same bytes, in order.
func TestConnPathRawRequests(t *testing.T) {
	e := newEnvWith(t, Config{AuthFailPause: -1})
	r := newFastRig(t, e.srv)
	const get = "GET /api/v1/plans/tiny/allocations.csv HTTP/1.1\r\nHost: x\r\n"
	const whatIf = "GET /api/v1/plans/tiny/allocations.csv?set.plan.capacity=61000000 HTTP/1.1\r\nHost: x\r\n\r\n"
	big := get + "X-Pad: " + strings.Repeat("a", 5000) + "\r\n\r\n"
	for _, c := range []struct {
		name string
		raw  string
		n    int
	}{
		{"three at once", get + "\r\n" + get + "\r\n" + get + "\r\n", 3},
		{"a what-if after two", get + "\r\n" + get + "\r\n" + whatIf + get + "\r\n", 4},
		{"HTTP/1.0", strings.Replace(get, "HTTP/1.1", "HTTP/1.0", 1) + "\r\n", 1},
		{"Connection: close", get + "Connection: close\r\n\r\n" + get + "\r\n", 2},
		{"a head beyond the buffer", big + get + "\r\n", 2},
		{"bare line feeds", strings.ReplaceAll(get, "\r\n", "\n") + "\n", 1},
		{"no Host", "GET /api/v1/plans/tiny/allocations.csv HTTP/1.1\r\n\r\n", 1},
		{"two Hosts", get + "Host: y\r\n\r\n", 1},
		{"escaped path", "GET /api/v1/plans/t%69ny/allocations.csv HTTP/1.1\r\nHost: x\r\n\r\n", 1},
		{"absolute target", "GET http://x/api/v1/plans/tiny/allocations.csv HTTP/1.1\r\nHost: x\r\n\r\n", 1},
		{"a body", "GET /api/v1/plans/tiny/allocations.csv HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + get + "\r\n", 2},
		{"folded header", get + "X-A: 1\r\n 2\r\n\r\n", 1},
	} {
		want := rawAnswers(t, r.gin.Listener.Addr().String(), c.raw, c.n)
		got := rawAnswers(t, r.conn.Listener.Addr().String(), c.raw, c.n)
		r.log.mu.Lock()
		r.log.buf.Reset()
		r.log.mu.Unlock()
		if len(got) != len(want) || len(want) == 0 {
			t.Errorf("%s: %d answers, Gin %d", c.name, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i].status != want[i].status || !equalHeaders(got[i].header, want[i].header) || !bytes.Equal(got[i].body, want[i].body) {
				t.Errorf("%s: answer %d: %d %v, Gin %d %v", c.name, i, got[i].status, got[i].header, want[i].status, want[i].header)
			}
		}
	}
}

// TestServeConnPathShutsDown: through Serve, a kept-alive connection the
// connection path answered, and one that sent half a head, do not hold
// up a shutdown; both are closed, and Serve returns.
func TestServeConnPathShutsDown(t *testing.T) {
	addr, stop := serveTCP(t, Config{PlansDir: "testdata/plans", PollInterval: -1, ShutdownTimeout: 10 * time.Second})
	const get = "GET /api/v1/plans/tiny/allocations.csv HTTP/1.1\r\nHost: x\r\n\r\n"
	kept, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	br := bufio.NewReader(kept)
	for range 2 {
		if _, err := io.WriteString(kept, get); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("kept-alive answer: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
	}
	half, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	if _, err := io.WriteString(half, get[:20]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the half head read
	start := time.Now()
	stop()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("shutdown took %v: it waited for idle connections", d)
	}
	for name, c := range map[string]net.Conn{"kept-alive": kept, "half a head": half} {
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		if n, err := c.Read(make([]byte, 1)); err == nil || n > 0 {
			t.Errorf("%s connection still open after the shutdown", name)
		}
	}
}
