package server

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// TestUploadPoolShares: 街道 uploads hold at most their share of places
// and slots, so that a planner's upload is always admitted and run.
func TestUploadPoolShares(t *testing.T) {
	p := newUploadPool()
	var leaves []func()
	for {
		leave, ok := p.admit(true)
		if !ok {
			break
		}
		leaves = append(leaves, leave)
	}
	if len(leaves) != cap(p.subPlaces) || len(leaves) >= cap(p.places) {
		t.Fatalf("街道 uploads took %d places of %d", len(leaves), cap(p.places))
	}
	leave, ok := p.admit(false)
	if !ok {
		t.Fatal("a planner's upload was not admitted")
	}
	leaves = append(leaves, leave)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var dones []func()
	for {
		done, err := p.run(ctx, true)
		if err != nil {
			break
		}
		dones = append(dones, done)
	}
	if len(dones) != cap(p.subSlots) || len(dones) >= cap(p.slots) {
		t.Fatalf("街道 uploads took %d slots of %d", len(dones), cap(p.slots))
	}
	done, err := p.run(context.Background(), false)
	if err != nil {
		t.Fatal("a planner's upload did not run while 街道 uploads ran")
	}
	for _, f := range append(append(dones, done), leaves...) {
		f()
	}
	if len(p.places)+len(p.subPlaces)+len(p.slots)+len(p.subSlots) != 0 {
		t.Error("the pool kept tokens")
	}
}

// TestUploadPoolFull: an upload beyond the pool's places is refused at
// once, 503 with Retry-After, before its body is read; once places are
// free it is read as before.
func TestUploadPoolFull(t *testing.T) {
	e := newEnv(t, "tok")
	var leaves []func()
	for {
		leave, ok := e.srv.uploads.admit(false)
		if !ok {
			break
		}
		leaves = append(leaves, leave)
	}
	auth := []string{"Authorization", "Bearer tok"}
	w := e.do(http.MethodPost, "/api/v1/plans/tiny/data", []byte("id,name\n"), auth...)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Fatalf("full pool: %d %s", w.Code, w.Body)
	}
	if er := decodeError(t, w); er.Code != "unavailable" {
		t.Errorf("code %q", er.Code)
	}
	for _, f := range leaves {
		f()
	}
	w = e.do(http.MethodPost, "/api/v1/plans/tiny/data", []byte("id,name\n"), auth...)
	if w.Code == http.StatusServiceUnavailable || w.Code >= 500 {
		t.Fatalf("free pool: %d %s", w.Code, w.Body)
	}
}
