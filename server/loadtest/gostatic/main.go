// Command gostatic is the second baseline of bench.sh's http figures: the
// least a Go net/http server does to answer with caili's cached CSV. It
// serves one body with the headers caili sends (read from a file that
// `curl -D` wrote; the status line and Date are left out, net/http adds
// its own), prebuilt once, to every GET or HEAD on any path: no routing,
// no access check, no log. caili's cached answer can at best come near
// it; what nginx does beyond it is net/http's own cost.
//
//	gostatic -addr 127.0.0.1:18926 -body allocations.csv -headers allocations.head
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"net/textproto"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18926", "address to listen on")
	bodyFile := flag.String("body", "", "the body to serve")
	headFile := flag.String("headers", "", "the headers to send, as curl -D writes them")
	flag.Parse()
	if err := run(*addr, *bodyFile, *headFile); err != nil {
		fmt.Fprintln(os.Stderr, "gostatic:", err)
		os.Exit(1)
	}
}

func run(addr, bodyFile, headFile string) error {
	body, err := os.ReadFile(bodyFile)
	if err != nil {
		return err
	}
	head, err := readHeaders(headFile)
	if err != nil {
		return err
	}
	head["Content-Length"] = []string{strconv.Itoa(len(body))}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out := w.Header()
		for k, v := range head {
			out[k] = v
		}
		if r.Method != http.MethodHead {
			_, _ = w.Write(body) // a client gone is not this server's error
		}
	})
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 120 * time.Second}
	return srv.ListenAndServe()
}

// readHeaders reads "Name: value" lines, leaving out the status line,
// Date and the framing (Content-Length is the body's).
func readHeaders(name string) (http.Header, error) {
	h := http.Header{}
	if name == "" {
		return h, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimRight(sc.Text(), "\r"), ":")
		if !ok || strings.HasPrefix(k, "HTTP/") {
			continue
		}
		k = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		switch k {
		case "Date", "Content-Length", "Transfer-Encoding", "Connection":
			continue
		}
		h[k] = append(h[k], strings.TrimSpace(v))
	}
	return h, sc.Err()
}
