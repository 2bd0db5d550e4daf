// Command plangen writes a large synthetic district plan for benchmarks:
//
//	go run ./cmd/plangen -n 10000 -standards 140 -out /tmp/big.toml
//
// See package plangen for what the plan contains. With -decode FILE it
// writes nothing: it only loads FILE as `caili calc` does before it
// converts anything (the loader's limits check and TOML decode, with the
// standards file the plan names), so that cmd/plangen/bench.sh can set the
// peak memory of `caili calc` beside that of decoding alone. The command
// is flags and wiring only; nothing imports it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/plangen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "plangen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("plangen", flag.ContinueOnError)
	n := fs.Int("n", 10000, "number of sub-districts")
	nStd := fs.Int("standards", 140, "approximate number of standards (staff + quotas + projects)")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "output file (default stdout)")
	decode := fs.String("decode", "", "only load and decode this plan file (for bench.sh), write nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *decode != "" {
		_, err := standards.LoadFile(*decode)
		return err
	}
	if *out == "" {
		return plangen.Write(stdout, *n, *nStd, *seed)
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	err = plangen.Write(f, *n, *nStd, *seed)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
