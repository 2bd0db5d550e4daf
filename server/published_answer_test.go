package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/caili/caili/internal/report"
)

// TestPublishedAnswerAsWhole: GET …/published, whose result is streamed
// from the record and indented on the way, gives the bytes of the answer
// built whole (writeJSON of the publication read with its result), and a
// document whose result is the one published.
func TestPublishedAnswerAsWhole(t *testing.T) {
	e := newRecordEnv(t)
	const base = "/api/v1/plans/tiny"
	e.call("POST", base+"/versions", e.planner, http.StatusCreated)
	e.call("POST", base+"/versions/1/approve", e.approver, http.StatusOK)
	e.call("POST", base+"/versions/1/publish", e.approver, http.StatusOK)
	got := e.call("GET", base+"/published", e.approver, http.StatusOK)

	whole, err := e.srv.app.Records.Published(context.Background(), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := report.EncodeJSON(&want, publicationOf(whole, true)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("streamed answer differs from the whole one:\n%s\nwant\n%s", got, want.Bytes())
	}
	var doc publicationJSON
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	var in, published bytes.Buffer
	if err := json.Compact(&in, doc.Result); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&published, whole.Result); err != nil || !bytes.Equal(in.Bytes(), published.Bytes()) {
		t.Errorf("the result in the answer is not the one published (%v)", err)
	}
	if doc.ResultHash != whole.ResultHash || doc.Version != 1 {
		t.Errorf("publication %+v", doc)
	}
}
