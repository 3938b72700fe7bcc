package main

import "fmt"

// Conditional open-coded defers nested in ifs, else arms and a tagless switch, with an
// early return and a panic: all 32 combinations of five flags, each printing exactly the
// deferred closures its path pushed, in reverse order, after the result was assigned.

func f(m int) (s string) {
	defer func() { s += "|" }()
	if m&1 != 0 {
		defer func() { s += "a" }()
	}
	if m&2 != 0 {
		defer func() { s += "b" }()
		if m&4 != 0 {
			defer func() { s += "c" }()
		} else {
			defer func() { s += "C" }()
		}
	}
	switch {
	case m&8 != 0:
		defer func() { s += "d" }()
		inner := m & 16
		if inner != 0 {
			defer func() { s += "e" }()
			return "early:"
		}
	case m&16 != 0:
		defer func() { s += "E" }()
	}
	if m > 20 {
		defer func() { s += "g" }()
		if m%3 == 0 {
			panic("m3")
		}
	}
	return "late:"
}

func g(m int) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("rec ", r, " ", s)
		}
	}()
	return f(m)
}

func main() {
	for m := range 32 {
		fmt.Println(m, g(m))
	}
}
