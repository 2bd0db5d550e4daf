package formula

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// This file recomputes line text the way a sub-district office would with
// a calculator (docs/audit.md): it finds every chain "a = b → c = d" in a
// line, evaluates each side exactly as written with the numbers shown, and
// checks that the sides joined by "=" are equal. Words, [labels] and
// parenthesised remarks in Chinese are skipped; "x…" stands for the exact
// value just computed and must be its first digits; floor, ceil and round
// round to whole 元, floor_u, ceil_u and round_u to the rounding unit.

// Recompute evaluates the text of a line with rounding unit u and returns
// the value of its last chain (negated when that chain says 调减), or nil
// when the text holds no chain.
func Recompute(text string, u decimal.Decimal) (*big.Rat, error) {
	text = ungrouped(uncited(text)) // uncited: source_test.go
	var last *big.Rat
	for _, seg := range segments(text) {
		toks, err := tokenize(seg)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", seg, err)
		}
		if !hasRelation(toks) {
			continue
		}
		v, err := evalChain(toks, u.Rat())
		if err != nil {
			return nil, fmt.Errorf("%q: %w", seg, err)
		}
		if strings.HasPrefix(strings.TrimSpace(seg), "调减") {
			v.Neg(v)
		}
		last = v
	}
	return last, nil
}

// ungrouped drops the thousands separators of the numbers of text: a comma
// with a digit before it and three after, then no digit.
func ungrouped(text string) string {
	rs := []rune(text)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == ',' && i > 0 && unicode.IsDigit(rs[i-1]) && i+3 < len(rs) &&
			unicode.IsDigit(rs[i+1]) && unicode.IsDigit(rs[i+2]) && unicode.IsDigit(rs[i+3]) &&
			(i+4 == len(rs) || !unicode.IsDigit(rs[i+4])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// segments splits text at the separators ; ; , , outside brackets.
func segments(text string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range text {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ';', '\uFF1B', ',', '\uFF0C':
			if depth == 0 {
				out = append(out, text[start:i])
				start = i + len(string(r))
			}
		}
	}
	return append(out, text[start:])
}

type token struct {
	kind   byte // 'n' number, 'f' function, '=' equals, '~' about, '>' rounding step, or the operator * / + - ( ) ,
	num    *big.Rat
	text   string // the digits shown, for approximate numbers; the function name
	approx bool
}

var functions = map[string]bool{"floor": true, "ceil": true, "round": true, "floor_u": true, "ceil_u": true, "round_u": true, "max": true, "min": true}

// tokenize turns a segment into tokens, skipping words, labels and remarks.
func tokenize(seg string) ([]token, error) {
	rs := []rune(seg)
	var toks []token
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
		case r == '[':
			i = closing(rs, i, '[', ']')
		case r == '(':
			end := closing(rs, i, '(', ')')
			if (len(toks) == 0 || toks[len(toks)-1].kind != 'f') && remark(rs[i+1:end]) {
				i = end
				continue
			}
			toks = append(toks, token{kind: '('})
		case strings.ContainsRune(")*/+-,", r):
			toks = append(toks, token{kind: byte(r)})
		case r == '×':
			toks = append(toks, token{kind: '*'})
		case r == '÷':
			toks = append(toks, token{kind: '/'})
		case r == '≈':
			toks = append(toks, token{kind: '~'})
		case r == '−':
			toks = append(toks, token{kind: '-'})
		case r == '=':
			toks = append(toks, token{kind: '='})
		case r == '→':
			toks = append(toks, token{kind: '>'})
		case unicode.IsDigit(r) && (i == 0 || !isWordRune(rs[i-1])):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			q, ok := new(big.Rat).SetString(string(rs[i:j]))
			if !ok {
				return nil, fmt.Errorf("bad number %q", string(rs[i:j]))
			}
			t := token{kind: 'n', num: q, text: string(rs[i:j])}
			if j < len(rs) && rs[j] == '…' {
				t.approx, j = true, j+1
			}
			toks = append(toks, t)
			i = j - 1
		case isWordRune(r):
			j := i
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			w := string(rs[i:j])
			if f, ok := FunctionWords()[w]; ok {
				w = f // the function a Chinese word names: 向下取整 → floor
			}
			if functions[w] && k < len(rs) && rs[k] == '(' {
				toks = append(toks, token{kind: 'f', text: w})
			}
			i = j - 1
		}
	}
	return toks, nil
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.'
}

// closing returns the index of the bracket closing the one at i.
func closing(rs []rune, i int, open, shut rune) int {
	depth := 0
	for j := i; j < len(rs); j++ {
		switch rs[j] {
		case open:
			depth++
		case shut:
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return len(rs) - 1
}

// remark reports whether a bracket's content is words, not arithmetic: it
// holds a Chinese character or no digit outside the [names] of quantities
// ("(108 [公务员] + 60 [事业编])" is arithmetic).
func remark(rs []rune) bool {
	digit := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '[' {
			i = closing(rs, i, '[', ']')
			continue
		}
		if unicode.Is(unicode.Han, r) {
			return true
		}
		digit = digit || unicode.IsDigit(r)
	}
	return !digit
}

func hasRelation(toks []token) bool {
	for _, t := range toks {
		if relation(t.kind) {
			return true
		}
	}
	return false
}

func relation(k byte) bool { return k == '=' || k == '~' || k == '>' }

// evalChain evaluates the sides of a chain in turn and checks each
// relation (see the top of the file). A side of words alone names what
// follows.
func evalChain(toks []token, u *big.Rat) (*big.Rat, error) {
	var cur *big.Rat
	rel := byte(0)
	start := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && !relation(toks[k].kind) {
			continue
		}
		side := toks[start:k]
		if len(side) > 0 {
			p := &parser{toks: side, cur: cur, u: u}
			v, err := p.expr()
			if err == nil && p.pos != len(side) {
				err = errors.New("trailing tokens")
			}
			if err != nil {
				return nil, err
			}
			if cur != nil && rel != 0 {
				if tol := tolerance(rel, side, u); new(big.Rat).Abs(new(big.Rat).Sub(v, cur)).Cmp(tol) > 0 {
					return nil, fmt.Errorf("%s %c %s: off by more than %s", cur.RatString(), rel, v.RatString(), tol.RatString())
				}
			}
			cur = v
		} else if rel == '>' || rel == '~' {
			return nil, errors.New("empty step")
		}
		if k < len(toks) {
			rel, start = toks[k].kind, k+1
		}
	}
	if cur == nil {
		return nil, errors.New("a chain without numbers")
	}
	return cur, nil
}

// tolerance is how far a side may be from the one before it: nothing
// after "=", but for a decimal shown cut (one unit of its last place);
// one rounding unit after "≈" and "→".
func tolerance(rel byte, side []token, u *big.Rat) *big.Rat {
	if rel != '=' {
		return u
	}
	if len(side) == 1 && side[0].kind == 'n' && !side[0].approx {
		if _, frac, ok := strings.Cut(side[0].text, "."); ok {
			return new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil))
		}
	}
	return new(big.Rat)
}
