package server

import (
	"bufio"
	"bytes"
	"net/http"
	"slices"
	"testing"
)

// FuzzConnHead: whatever head the connection path takes as its own,
// net/http reads the same way — the same method, path, token,
// If-None-Match and Origin, HTTP/1.1 kept alive with no body and one
// Host — so that answering it without net/http changes nothing.
func FuzzConnHead(f *testing.F) {
	for _, s := range []string{
		"GET /api/v1/plans/sample/allocations.csv HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
		"HEAD /api/v1/plans/sample/allocations.csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\r\nIf-None-Match: \"a\", W/\"b\"\r\n\r\n",
		"GET /a HTTP/1.1\r\nhost: x\r\nconnection: Keep-Alive\r\ncontent-length: 0\r\norigin: https://o\r\n\r\n",
		"GET /a?b HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /a?set.plan.capacity=%361&b=c+d HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /a HTTP/1.1\nHost: x\n\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nX: \x80\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\n If-None-Match: \"a\"\r\n\r\n",
		"GET /a HTTP/1.1\r\nHost: x\r\nAuthorization:\t Bearer  t \t\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, plain := headEnd(b)
		if n < 0 || !plain {
			return
		}
		req, ok := parseHead(b[:n])
		if !ok {
			return
		}
		if req.n != n {
			t.Fatalf("head of %d bytes, read %d", n, req.n)
		}
		r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(b[:n])))
		if err != nil {
			t.Fatalf("net/http refuses a head the connection path takes: %v\n%q", err, b[:n])
		}
		switch {
		case r.Method != req.method, r.URL.Path != req.path, r.URL.RawQuery != req.query, r.URL.Host != "":
			t.Fatalf("request %s %s?%s, read %s %s?%s", r.Method, r.URL.Path, r.URL.RawQuery, req.method, req.path, req.query)
		case r.ProtoMajor != 1 || r.ProtoMinor != 1 || r.Close || r.ContentLength != 0 || len(r.TransferEncoding) > 0:
			t.Fatalf("not a plain HTTP/1.1 request: %q", b[:n])
		case r.Header.Get("Authorization") != req.auth, len(r.Header.Values("Authorization")) > 1:
			t.Fatalf("Authorization %q, read %q", r.Header.Values("Authorization"), req.auth)
		case !slices.Equal(r.Header.Values("If-None-Match"), req.inm):
			t.Fatalf("If-None-Match %q, read %q", r.Header.Values("If-None-Match"), req.inm)
		case (len(r.Header.Values("Origin")) > 0) != req.origin:
			t.Fatalf("Origin %q, read %v", r.Header.Values("Origin"), req.origin)
		case len(r.Header.Values("Cookie")) > 0, r.Host == "":
			t.Fatalf("cookie or no host: %q", b[:n])
		}
	})
}

// TestParseHead: the heads the connection path answers, and some it
// leaves to net/http.
func TestParseHead(t *testing.T) {
	const ok = "GET /api/v1/plans/sample/allocations.csv HTTP/1.1\r\nHost: x\r\n"
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"plain", ok + "\r\n", true},
		{"HEAD", "HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"token", ok + "Authorization: Bearer t\r\n\r\n", true},
		{"keep-alive", ok + "Connection: keep-alive\r\n\r\n", true},
		{"POST", "POST /a HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"HTTP/1.0", "GET /a HTTP/1.0\r\nHost: x\r\n\r\n", false},
		{"query", "GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"what-if", "GET /a?set.plan.capacity=6%31&set.factor.x.weight=0.5&header=zh HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"empty query", "GET /a? HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"a second ?", "GET /a?b=1?c HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"a bad escape", "GET /a?b=%6g HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"a semicolon", "GET /a?b=1;c=2 HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"a fragment", "GET /a?b=1#c HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"non-ASCII query", "GET /a?b=街道 HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"escaped path, query", "GET /%61?b=1 HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"escape", "GET /%61 HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"dot segment", "GET /a/../b HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"double slash", "GET //a HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"no host", "GET /a HTTP/1.1\r\n\r\n", false},
		{"two hosts", ok + "Host: y\r\n\r\n", false},
		{"cookie", ok + "Cookie: a=b\r\n\r\n", false},
		{"close", ok + "Connection: close\r\n\r\n", false},
		{"body", ok + "Content-Length: 1\r\n\r\n", false},
		{"chunked", ok + "Transfer-Encoding: chunked\r\n\r\n", false},
		{"upgrade", ok + "Upgrade: websocket\r\n\r\n", false},
		{"two tokens", ok + "Authorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n", false},
		{"space in a name", ok + "X A: 1\r\n\r\n", false},
		{"non-ASCII value", ok + "X-A: 街道\r\n\r\n", false},
		{"folded", ok + "X-A: 1\r\n 2\r\n\r\n", false},
	}
	for _, tc := range tests {
		n, plain := headEnd([]byte(tc.head))
		_, got := parseHead([]byte(tc.head[:max(n, 0)]))
		if got = got && plain && n == len(tc.head); got != tc.want {
			t.Errorf("%s: taken %v, want %v", tc.name, got, tc.want)
		}
	}
}
