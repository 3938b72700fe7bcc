package main

import (
	"errors"
	"fmt"
)

// Deferred calls with eight arguments of mixed types (string, slice, struct, pointer,
// interface, error, func value, int): every argument is evaluated at the defer statement,
// so mutating the variables afterwards must not show, except through what they share
// (a slice's backing array, a pointer's target).

type point struct {
	x, y int
	tag  string
}

func show(name string, s []int, p point, pp *point, v any, err error, f func(int) int, n int) {
	fmt.Printf("%s: s=%v len=%d p=%v pp=%v v=%v err=%v f=%d n=%d\n",
		name, s, len(s), p, *pp, v, err, f(n), n)
}

func run(fail bool) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("recovered ", r)
		}
	}()
	name := "first"
	s := []int{1, 2, 3}
	p := point{1, 2, "a"}
	pp := &point{3, 4, "b"}
	var v any = 42
	err := errors.New("e1")
	f := func(k int) int { return k * 10 }
	n := 7
	defer show(name, s, p, pp, v, err, f, n)

	name = "second"
	s[0] = 100
	s = append(s, 4)
	p.x, p.tag = 9, "z"
	pp.y = 44
	pp = &point{5, 6, "c"}
	v = "now a string"
	err = nil
	f = func(k int) int { return -k }
	n = 8
	if !fail {
		defer show(name, s[1:], p, pp, v, errors.New("e2"), f, n)
	}
	name, n, v = "third", 9, p
	s[1] = 200
	defer func(a string, b []int, c point, d *point, e any, g error, h func(int) int, i int) {
		fmt.Println("closure sees", a, b, c, *d, e, g, h(i), i, "and now", name, n)
	}(name, s, p, pp, v, err, f, n)
	name, n = "fourth", 10
	pp.x = 55
	if fail {
		var z []int
		n = z[n]
	}
	return "done"
}

func main() {
	fmt.Println(run(false))
	fmt.Println(run(true))
}
