package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pdfText is pdftotext's text of a PDF, without spaces (pdftotext puts
// them between Chinese words at will); without pdftotext the test is
// skipped, except under CI=true, where it fails.
func pdfText(t *testing.T, file string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but no pdftotext (poppler-utils): %v", err)
		}
		t.Skipf("no pdftotext: %v", err)
	}
	out, err := exec.Command(tool, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(out), " ", "")
}

func TestNoticeCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "n.pdf")
	rec(t, 0, "notice", "--subdistrict", "德胜街道", "--doc-no", "西财预〔2025〕12号", "--date", "2025-12-01", "--out", out)
	text := pdfText(t, out)
	for _, want := range []string{"西城区（示例）财政局", "西财预〔2025〕12号", "德胜街道", "20,432.64", "2025年12月1日", "草案", "第1页共1页", "校验码"} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice lacks %q:\n%s", want, text)
		}
	}
	// Usage errors leave no file.
	bad := filepath.Join(t.TempDir(), "bad.pdf")
	rec(t, 2, "notice", "--kind", "通报", "--out", bad)
	rec(t, 2, "notice", "--date", "2025/12/01", "--out", bad)
	rec(t, 2, "notice")
	if _, err := os.Stat(bad); err == nil {
		t.Error("a refused notice left a file")
	}
}

// TestNoticeOfPublishedPlan: the plan as published in the record is not
// a draft, and is dated by its publication.
func TestNoticeOfPublishedPlan(t *testing.T) {
	plan, _, data := tinyRecord(t)
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	rec(t, 0, "plan", "approve", "--single-user", "--id", "tiny", "--data", data, "1")
	rec(t, 0, "plan", "publish", "--single-user", "--id", "tiny", "--data", data, "1")
	out := filepath.Join(t.TempDir(), "n.pdf")
	rec(t, 0, "notice", "--plan", plan, "--data", data, "--kind", "批复", "--out", out)
	text := pdfText(t, out)
	today := time.Now()
	if strings.Contains(text, "草案") || !strings.Contains(text, "财力批复通知") || !strings.Contains(text, today.Format("2006年1月2日")) {
		t.Errorf("the published plan's notice:\n%s", text)
	}
	// A what-if of it is a draft.
	rec(t, 0, "notice", "--plan", plan, "--data", data, "--set", "plan.capacity=61000000", "--out", out)
	if text := pdfText(t, out); !strings.Contains(text, "草案") {
		t.Errorf("a what-if's notice is not a draft:\n%s", text)
	}
}

func TestReportRenda(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.xlsx")
	rec(t, 0, "report", "renda", "--out", out)
	if b, err := os.ReadFile(out); err != nil || len(b) < 1000 {
		t.Fatalf("report renda wrote %d bytes: %v", len(b), err)
	}
	rec(t, 2, "report", "renda")
	rec(t, 2, "report", "nope")
}
