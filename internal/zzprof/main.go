package main

import (
	"bufio"
	"os"
	"runtime/pprof"
	"time"
	"fmt"

	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

func main() {
	f, _ := os.Create(os.Args[2])
	pprof.StartCPUProfile(f)
	t0 := time.Now()
	doc, err := standards.LoadFile(os.Args[1], standards.WithData(workbook.Read))
	if err != nil { panic(err) }
	t1 := time.Now()
	m, err := doc.Model()
	if err != nil { panic(err) }
	t2 := time.Now()
	ev := m.Evaluate
	if os.Args[3] == "csv" { ev = m.EvaluateTotals }
	res, _ := ev()
	t3 := time.Now()
	out, _ := os.Create("/tmp/w25/prof.out")
	bw := bufio.NewWriter(out)
	if os.Args[3] == "csv" { report.WriteCSV(bw, res, report.CSVOptions{}) } else { report.WriteJSONStamped(bw, res, nil) }
	bw.Flush()
	t4 := time.Now()
	pprof.StopCPUProfile()
	fmt.Println("load", t1.Sub(t0), "model", t2.Sub(t1), "eval", t3.Sub(t2), "write", t4.Sub(t3))
}
