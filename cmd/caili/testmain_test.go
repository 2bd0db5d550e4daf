package main

import (
	"fmt"
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
	_, before := os.Stat("caili-data")
	code := m.Run()
	if _, after := os.Stat("caili-data"); before != nil && after == nil { // tests give their own data folder
		fmt.Fprintln(os.Stderr, "a test used the default data folder ./caili-data; give it a temporary one")
		os.RemoveAll("caili-data")
		code = 1
	}
	os.Exit(code)
}
