package server

import (
	"bytes"
	"strings"
	"time"
)

// This file reads a request head for the connection path (connpath.go):
// only the plainest HTTP/1.1 GET or HEAD, every byte of which it
// understands. Whatever else it meets — another method or version, a
// query of other bytes than a what-if's, an escaped or unusual path, a
// header it cannot read, a body, a cookie, an upgrade, a Connection
// other than keep-alive, a missing or repeated Host — it leaves to
// net/http, which reads the same bytes. FuzzConnHead holds it to
// net/http's own reading.

// connRequest is what the connection path reads of a request head.
type connRequest struct {
	method string    // GET or HEAD
	path   string    // the target's path, a plain path
	query  string    // the target's query, plain (plainQuery); "" for none
	auth   string    // the Authorization header, trimmed; "" for none
	inm    []string  // the If-None-Match headers
	origin bool      // an Origin header was sent
	n      int       // the head's length, its blank line included
	begun  time.Time // a what-if's: when its head was read (connpath.go); else zero
}

// headEnd is the length of the request head at the start of b (through
// its blank line), or -1 when b does not hold a whole head; plain is
// false when b has a line ended by a bare line feed (net/http's to read).
func headEnd(b []byte) (n int, plain bool) {
	i := bytes.Index(b, []byte("\r\n\r\n"))
	end := len(b)
	if i >= 0 {
		end = i + 4
	}
	for j := bytes.IndexByte(b[:end], '\n'); j >= 0; {
		if j == 0 || b[j-1] != '\r' {
			return -1, false
		}
		k := bytes.IndexByte(b[j+1:end], '\n')
		if k < 0 {
			break
		}
		j += 1 + k
	}
	if i < 0 {
		return -1, true
	}
	return end, true
}

// parseHead reads the request head b (headEnd(b) bytes) and reports
// whether the connection path may answer it.
func parseHead(b []byte) (connRequest, bool) {
	var req connRequest
	line, rest, ok := bytes.Cut(b, []byte("\r\n"))
	if !ok || !req.requestLine(line) {
		return req, false
	}
	hosts := 0
	for len(rest) > 0 {
		line, rest, ok = bytes.Cut(rest, []byte("\r\n"))
		if !ok {
			return req, false
		}
		if len(line) == 0 {
			req.n = len(b) - len(rest)
			return req, hosts == 1 && len(rest) == 0
		}
		name, value, ok := headerLine(line)
		if !ok || !req.header(name, value, &hosts) {
			return req, false
		}
	}
	return req, false
}

// requestLine reads "GET /path HTTP/1.1" (or HEAD).
func (req *connRequest) requestLine(line []byte) bool {
	s := string(line)
	switch {
	case strings.HasPrefix(s, "GET "):
		req.method, s = "GET", s[4:]
	case strings.HasPrefix(s, "HEAD "):
		req.method, s = "HEAD", s[5:]
	default:
		return false
	}
	target, proto, ok := strings.Cut(s, " ")
	if !ok || proto != "HTTP/1.1" {
		return false
	}
	path, query, hasQuery := strings.Cut(target, "?")
	if !plainPath(path) || hasQuery && !plainQuery(query) {
		return false
	}
	req.path, req.query = path, query
	return true
}

// plainQuery reports whether a query is of letters, digits and
// . _ - = & + , and %-escapes only, and not empty: a what-if's set. and
// options as a spreadsheet writes them, read as net/http reads them (the
// bytes after the ?, as they are).
func plainQuery(q string) bool {
	if q == "" {
		return false
	}
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case isAlnum(c), c == '.', c == '_', c == '-', c == '=', c == '&', c == '+', c == ',':
		case c == '%' && i+2 < len(q) && isHex(q[i+1]) && isHex(q[i+2]):
			i += 2
		default:
			return false
		}
	}
	return true
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// plainPath reports whether target is a path of letters, digits and
// / . _ - only, starting with / and with no segment that starts with a
// dot: nothing to unescape, clean or split off as a query.
func plainPath(target string) bool {
	if target == "" || target[0] != '/' || strings.Contains(target, "/.") || strings.Contains(target, "//") {
		return false
	}
	for i := 0; i < len(target); i++ {
		if c := target[i]; !(isAlnum(c) || c == '/' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// headerLine splits "Name: value", the value trimmed of spaces and tabs;
// false for a name that is not letters, digits and -, or a value with a
// control character or a byte beyond ASCII.
func headerLine(line []byte) (name, value string, ok bool) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	for _, c := range line[:i] {
		if !isAlnum(c) && c != '-' {
			return "", "", false
		}
	}
	for _, c := range line[i+1:] {
		if c != '\t' && (c < ' ' || c > '~') {
			return "", "", false
		}
	}
	return string(line[:i]), strings.Trim(string(line[i+1:]), " \t"), true
}

// header takes one header; false for one the connection path leaves to
// net/http.
func (req *connRequest) header(name, value string, hosts *int) bool {
	switch {
	case strings.EqualFold(name, "Host"):
		*hosts++
		return plainHost(value)
	case strings.EqualFold(name, "Authorization"):
		if req.auth != "" || value == "" {
			return false
		}
		req.auth = value
	case strings.EqualFold(name, "If-None-Match"):
		req.inm = append(req.inm, value)
	case strings.EqualFold(name, "Origin"):
		req.origin = true
	case strings.EqualFold(name, "Connection"):
		return strings.EqualFold(value, "keep-alive")
	case strings.EqualFold(name, "Content-Length"):
		return value == "0"
	case strings.EqualFold(name, "Cookie"), strings.EqualFold(name, "Transfer-Encoding"),
		strings.EqualFold(name, "Expect"), strings.EqualFold(name, "Upgrade"), strings.EqualFold(name, "Trailer"):
		return false
	}
	return true
}

// plainHost reports whether a Host header is a host name or address and
// port of letters, digits and . - : [ ] only.
func plainHost(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; !(isAlnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']') {
			return false
		}
	}
	return true
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
