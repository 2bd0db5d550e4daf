// Command plangen writes a large synthetic district plan for benchmarks:
//
//	go run ./cmd/plangen -n 10000 -standards 140 -out /tmp/big.toml
//	go run ./cmd/plangen -n 40000 -data /tmp/big.csv -out /tmp/big.toml
//
// See package plangen for what the plan contains; -extra N adds N
// data-only quantities to every sub-district, and -data FILE writes the
// sub-districts to that CSV (beside the plan, which names it) instead of
// the plan's [[subdistrict]] tables. With -decode FILE it writes nothing:
// it only loads FILE as `caili calc` does before it converts anything
// (the loader's limits check and TOML decode, with the standards file the
// plan names), so that cmd/plangen/bench.sh can set the peak memory of
// `caili calc` beside that of decoding alone. With -twin FILE it runs the
// float64 twin of the engine (internal/twin) on FILE and writes its CSV
// table to -out, the baseline bench.sh sets caili's figures beside. The
// command is flags and wiring only; nothing imports it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/twin"
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
	var opt plangen.Options
	fs.IntVar(&opt.N, "n", 10000, "number of sub-districts")
	fs.IntVar(&opt.Standards, "standards", 140, "approximate number of standards (staff + quotas + projects)")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	fs.IntVar(&opt.Extra, "extra", 0, "data-only quantities added to every sub-district")
	data := fs.String("data", "", "write the sub-districts to this CSV file (beside -out) instead of the plan")
	out := fs.String("out", "", "output file (default stdout)")
	decode := fs.String("decode", "", "only load and decode this plan file (for bench.sh), write nothing")
	twinPlan := fs.String("twin", "", "run the float64 twin on this plan, write its CSV table to -out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *decode != "":
		_, err := standards.LoadFile(*decode)
		return err
	case *twinPlan != "":
		return create(*out, stdout, func(w io.Writer) error {
			return twin.Run(*twinPlan, w, msg.RepColTotal.In(msg.Zh))
		})
	case *data != "":
		if *out == "" {
			return fmt.Errorf("-data needs -out (the plan names the data file beside it)")
		}
		opt.Data = filepath.Base(*data)
		return create(*out, stdout, func(plan io.Writer) error {
			return create(*data, nil, func(d io.Writer) error { return plangen.WriteOptions(plan, d, opt) })
		})
	}
	return create(*out, stdout, func(w io.Writer) error { return plangen.WriteOptions(w, nil, opt) })
}

// create runs write on the file path (on stdout when path is empty).
func create(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
