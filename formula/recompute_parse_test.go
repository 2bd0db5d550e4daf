package formula

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// parser evaluates one side of a chain: + − × / with the usual
// precedence, parentheses, unary signs and the functions of Recompute.
type parser struct {
	toks []token
	pos  int
	cur  *big.Rat // the value just computed, which "x…" stands for
	u    *big.Rat
}

func (p *parser) peek() byte {
	if p.pos < len(p.toks) {
		return p.toks[p.pos].kind
	}
	return 0
}

func (p *parser) expr() (*big.Rat, error) {
	v, err := p.term()
	for err == nil && (p.peek() == '+' || p.peek() == '-') {
		op := p.toks[p.pos].kind
		p.pos++
		var w *big.Rat
		if w, err = p.term(); err == nil {
			if op == '+' {
				v.Add(v, w)
			} else {
				v.Sub(v, w)
			}
		}
	}
	return v, err
}

func (p *parser) term() (*big.Rat, error) {
	v, err := p.unary()
	for err == nil && (p.peek() == '*' || p.peek() == '/') {
		op := p.toks[p.pos].kind
		p.pos++
		var w *big.Rat
		if w, err = p.unary(); err == nil {
			if op == '*' {
				v.Mul(v, w)
			} else if w.Sign() == 0 {
				err = errors.New("division by zero")
			} else {
				v.Quo(v, w)
			}
		}
	}
	return v, err
}

func (p *parser) unary() (*big.Rat, error) {
	switch p.peek() {
	case '-':
		p.pos++
		v, err := p.unary()
		if err != nil {
			return nil, err
		}
		return v.Neg(v), nil
	case '+':
		p.pos++
		return p.unary()
	}
	return p.primary()
}

func (p *parser) primary() (*big.Rat, error) {
	if p.pos >= len(p.toks) {
		return nil, errors.New("missing operand")
	}
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case 'n':
		if t.approx {
			return p.approx(t)
		}
		return new(big.Rat).Set(t.num), nil
	case '(':
		v, err := p.expr()
		if err == nil && p.peek() != ')' {
			err = errors.New("missing )")
		}
		p.pos++
		return v, err
	case 'f':
		return p.call(t.text)
	}
	return nil, fmt.Errorf("unexpected %q", string(t.kind))
}

// approx checks that "x…" is the start of the value just computed, cut
// toward zero, and stands for that value.
func (p *parser) approx(t token) (*big.Rat, error) {
	if p.cur == nil {
		return nil, errors.New("x… with nothing before it")
	}
	places := 0
	if _, frac, ok := strings.Cut(t.text, "."); ok {
		places = len(frac)
	}
	if got := RatText(p.cur); got != t.text+"…" || places != ratPlaces {
		return nil, fmt.Errorf("%s… is not the start of %s (%s)", t.text, p.cur.RatString(), got)
	}
	return new(big.Rat).Set(p.cur), nil
}

func (p *parser) call(name string) (*big.Rat, error) {
	if p.peek() != '(' {
		return nil, errors.New("function without (")
	}
	p.pos++
	var args []*big.Rat
	for {
		v, err := p.expr()
		if err != nil {
			return nil, err
		}
		args = append(args, v)
		if p.peek() == ',' {
			p.pos++
			continue
		}
		if p.peek() != ')' {
			return nil, errors.New("missing ) after arguments")
		}
		p.pos++
		break
	}
	return apply(name, args, p.u)
}

// apply evaluates a function: floor, ceil and round to whole 元, their _u
// forms to multiples of u, max and min.
func apply(name string, args []*big.Rat, u *big.Rat) (*big.Rat, error) {
	if name == "max" || name == "min" {
		v := args[0]
		for _, a := range args[1:] {
			if (name == "max") == (a.Cmp(v) > 0) {
				v = a
			}
		}
		return v, nil
	}
	if len(args) != 1 {
		return nil, fmt.Errorf("%s takes one argument", name)
	}
	step := big.NewRat(1, 1)
	if base, ok := strings.CutSuffix(name, "_u"); ok {
		name, step = base, u
	}
	n := new(big.Rat).Quo(args[0], step)
	q, r := new(big.Int).QuoRem(n.Num(), n.Denom(), new(big.Int)) // truncated
	switch {
	case name == "floor" && r.Sign() < 0, name == "round" && r.Sign() < 0 && halfOrMore(r, n.Denom()):
		q.Sub(q, big.NewInt(1))
	case name == "ceil" && r.Sign() > 0, name == "round" && r.Sign() > 0 && halfOrMore(r, n.Denom()):
		q.Add(q, big.NewInt(1))
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(q), step), nil
}

// halfOrMore reports whether |r|/d ≥ 1/2.
func halfOrMore(r, d *big.Int) bool {
	t := new(big.Int).Abs(r)
	return t.Lsh(t, 1).Cmp(d) >= 0
}
