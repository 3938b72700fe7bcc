package main

import "fmt"

type Box struct{ V int }

func main() {
	x := 1
	f := func() int { return x * 10 }
	x = 2
	fmt.Println(f())
	x = 3
	fmt.Println(f())
	set := func(v int) { x = v }
	set(42)
	fmt.Println(x, f())
	s := []int{1, 2, 3}
	g := func() { s[0] = 100 }
	g()
	fmt.Println(s)
	h := func() { s = append(s, 4) }
	h()
	fmt.Println(s, len(s))
	b := Box{1}
	bump := func() { b.V++ }
	bump()
	bump()
	fmt.Println(b)
	cp := b
	bump()
	fmt.Println(b, cp)
	str := "a"
	grow := func(t string) string {
		str += t
		return str
	}
	grow("b")
	grow("c")
	fmt.Println(str)
	shared := 0
	incs := make([]func(), 3)
	for i := range incs {
		incs[i] = func() { shared += i + 1 }
	}
	for _, fn := range incs {
		fn()
		fn()
	}
	fmt.Println(shared)
	outer := 0
	mk := func() func() {
		return func() { outer++ }
	}
	a1, a2 := mk(), mk()
	a1()
	a2()
	a1()
	fmt.Println(outer)
	p := &x
	q := func() { *p = -1 }
	q()
	fmt.Println(x)
	{
		y := 5
		f = func() int { return y }
		y = 6
	}
	fmt.Println(f())
}
