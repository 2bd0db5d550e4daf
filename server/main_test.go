package server

import (
	"fmt"
	"os"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestMain puts Gin in test mode: the mode is process-wide, so the
// process (here the test binary, in production cmd/caili) chooses it. A
// test that leaves a database in the default data folder (./caili-data,
// here the package's folder) fails the run: tests give their own.
func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	_, before := os.Stat("caili-data")
	code := m.Run()
	if _, after := os.Stat("caili-data"); before != nil && after == nil {
		fmt.Fprintln(os.Stderr, "a test used the default data folder ./caili-data; give it a temporary one")
		os.RemoveAll("caili-data")
		code = 1
	}
	os.Exit(code)
}
