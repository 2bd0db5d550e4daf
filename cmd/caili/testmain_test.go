package main

import (
	"os"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestMain puts Gin in test mode for the serve tests: the mode is
// process-wide, and cmdServe sets release mode only when it serves. It
// pins the version results are stamped with, for the golden files. With
// CAILI_TEST_AS_MAIN=1 the test binary is caili itself (main), so that a
// test can run the real program in a process of its own and signal it.
func TestMain(m *testing.M) {
	if os.Getenv("CAILI_TEST_AS_MAIN") == "1" {
		main()
		return
	}
	gin.SetMode(gin.TestMode)
	stampVersion = func() string { return "caili test" } // golden files hold stamps
	os.Exit(m.Run())
}
