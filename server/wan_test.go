package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestAllocationsCSVInWan(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/api/v1/plans/tiny/allocations.csv?unit=%E4%B8%87%E5%85%83&bom=0", http.StatusOK)
	lines := strings.Split(w.Body.String(), "\r\n")
	if !strings.Contains(lines[0], "尾差") || !strings.HasPrefix(lines[1], "id,name") || !strings.Contains(w.Body.String(), ".") {
		t.Fatalf("allocations.csv?unit=万元:\n%s", w.Body.String())
	}
	e.Get("/api/v1/plans/tiny/allocations.json?unit=wan", http.StatusBadRequest)
	e.Get("/api/v1/plans/tiny/allocations.csv?unit=亿元", http.StatusBadRequest)
	c := e.Get("/api/v1/plans/tiny/compare.csv?unit=wan&set.plan.capacity=61000000", http.StatusOK)
	if !strings.Contains(c.Body.String(), "尾差") {
		t.Fatalf("compare.csv?unit=wan:\n%s", c.Body.String())
	}
}
