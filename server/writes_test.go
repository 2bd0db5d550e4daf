package server

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

const objection = `{"note":"n","corrections":{"quantities.population":"120000"}}`

// objectionCount is how many objections tiny has.
func objectionCount(e *accessEnv) int {
	e.t.Helper()
	list := decodeInto[struct {
		Objections []objectionJSON `json:"objections"`
	}](e.t.(*testing.T), e.call("GET", "/api/v1/plans/tiny/objections", e.planner, http.StatusOK))
	return len(list.Objections)
}

// TestIdempotencyKey: a POST retried with the same key is given the
// first answer and files nothing twice; the same key for another request
// is refused; keys are scoped by actor; a bad key is refused.
func TestIdempotencyKey(t *testing.T) {
	e := newAccessEnv(t, Config{})
	post := func(tok, key, body string) *httptest.ResponseRecorder {
		return e.do("POST", "/api/v1/plans/tiny/objections", []byte(body), "Authorization", "Bearer "+tok, "Idempotency-Key", key)
	}
	first := post(e.east, "k-1", objection)
	again := post(e.east, "k-1", objection)
	if first.Code != http.StatusCreated || again.Code != http.StatusCreated || first.Body.String() != again.Body.String() {
		t.Fatalf("first %d, retry %d:\n%s\n%s", first.Code, again.Code, first.Body, again.Body)
	}
	if again.Header().Get("Idempotent-Replayed") != "true" {
		t.Error("the retry is not marked replayed")
	}
	if n := objectionCount(e); n != 1 {
		t.Fatalf("%d objections filed, want 1", n)
	}
	if w := post(e.east, "k-1", `{"note":"other","corrections":{"quantities.population":"1"}}`); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("the key for another request: %d", w.Code)
	}
	if w := post(e.west, "k-1", objection); w.Code != http.StatusCreated {
		t.Errorf("another actor's key: %d %s", w.Code, w.Body)
	}
	if w := post(e.east, "k-2", `{"corrections":{"quantities.nope":"1"}}`); w.Code != http.StatusBadRequest {
		t.Errorf("a refused request: %d", w.Code)
	}
	if w := post(e.east, "k-2", objection); w.Code != http.StatusCreated {
		t.Errorf("a key whose request was refused is free again: %d", w.Code)
	}
	if w := post(e.east, "bad key", objection); w.Code != http.StatusBadRequest {
		t.Errorf("a key with a space: %d", w.Code)
	}
	if n := objectionCount(e); n != 3 {
		t.Errorf("%d objections, want 3", n)
	}
}

// TestNoWriteAfterTheClientLeft: a write whose client is gone, or whose
// deadline passed, before its commit is rolled back: nothing is filed;
// the client that left is logged as 499 (also when it leaves during
// authentication), the deadline is 503.
func TestNoWriteAfterTheClientLeft(t *testing.T) {
	e := newAccessEnv(t, Config{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/plans/tiny/objections", bytes.NewReader([]byte(objection)))
	req.Header.Set("Authorization", "Bearer "+e.east)
	w := httptest.NewRecorder()
	e.srv.Handler().ServeHTTP(w, req)
	if w.Code != StatusClientClosedRequest {
		t.Errorf("a client gone: %d %s", w.Code, w.Body)
	}
	late := newAccessEnv(t, Config{})
	late.srv.cfg.WriteDeadline = time.Nanosecond
	w = late.do("POST", "/api/v1/plans/tiny/objections", []byte(objection), "Authorization", "Bearer "+late.east)
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("past the deadline: %d %s", w.Code, w.Body)
	}
	for _, x := range []*accessEnv{e, late} {
		if n := objectionCount(x); n != 0 {
			t.Errorf("%d objections filed without an answer", n)
		}
	}
}

// TestWriteTimeoutLeavesRoom: the HTTP server's write timeout covers the
// slowest request it accepts: its body read and its work to the write
// deadline, with time to answer.
func TestWriteTimeoutLeavesRoom(t *testing.T) {
	e := newAccessEnv(t, Config{})
	hs := e.srv.httpServer()
	if hs.ReadTimeout > e.srv.cfg.WriteDeadline || hs.WriteTimeout <= e.srv.cfg.WriteDeadline {
		t.Errorf("read %v, deadline %v, write timeout %v", hs.ReadTimeout, e.srv.cfg.WriteDeadline, hs.WriteTimeout)
	}
}

// TestListenerDecides: Serve on an address that is not loopback closes
// the server, and refuses single-user; IsLoopback knows the addresses.
func TestListenerDecides(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.5:80": false} {
		if IsLoopback(addr) != want {
			t.Errorf("IsLoopback(%s) = %v", addr, !want)
		}
	}
	if _, err := New(withRecord(t, Config{Network: true, SingleUser: true, PlansDir: "testdata/plans", PollInterval: -1})); err == nil {
		t.Error("single-user on a network listener was accepted")
	}
}
