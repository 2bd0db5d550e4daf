package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

func main() {
	doc, err := standards.LoadFile(os.Args[1], standards.WithData(workbook.Read))
	if err != nil {
		panic(err)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after load, live MiB", ms.HeapAlloc>>20)
	f, _ := os.Create(os.Args[2])
	pprof.WriteHeapProfile(f)
	f.Close()
	m, err := doc.Model()
	if err != nil {
		panic(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after model, live MiB", ms.HeapAlloc>>20)
	res, _ := m.EvaluateTotals()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("after eval, live MiB", ms.HeapAlloc>>20, len(res.Subdistricts))
	f, _ = os.Create(os.Args[2] + ".model")
	pprof.WriteHeapProfile(f)
	f.Close()
	runtime.KeepAlive(doc)
}
