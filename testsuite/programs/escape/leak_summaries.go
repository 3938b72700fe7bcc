package main

import "fmt"

var sink *int
var sinkPP **int

func read(p *int) int {
	return *p + 1
}

func write(p *int, v int) {
	*p = v
}

func leak(p *int) {
	sink = p
}

func leakDeep(pp **int) {
	sink = *pp
}

func leakPP(pp **int) {
	sinkPP = pp
}

func storeInto(pp **int, p *int) {
	*pp = p
}

func storeLocalInto(pp **int) {
	x := 77
	*pp = &x
}

func pick(a, b *int, first bool) *int {
	if first {
		return a
	}
	return b
}

func even(n int, p *int) {
	if n == 0 {
		return
	}
	*p += n
	odd(n-1, p)
}

func odd(n int, p *int) {
	if n == 0 {
		sink = p
		return
	}
	even(n-1, p)
}

func rec(n int, p *int) int {
	if n == 0 {
		return *p
	}
	return rec(n-1, p) + 1
}

func caller() (int, int, int) {
	a := 1
	b := 2
	c := 3
	d := 4
	e := 5
	write(&a, 10)
	leak(&b)
	t := &c
	leakDeep(&t)
	var q *int
	storeInto(&q, &d)
	var r *int
	storeLocalInto(&r)
	u := 8
	leakPP(&t)
	w := pick(&e, &u, true)
	*w += 1
	return read(&a) + *q, *r, rec(3, &u) + e
}

func recursiveLeak() int {
	m := 100
	even(5, &m)
	return m
}

func clobber(d int) int {
	a, b, c, e := d, d*2, d*3, d*4
	f := func() int { return a + b + c + e }
	if d == 0 {
		return f()
	}
	return clobber(d-1) + f()
}

func main() {
	x, y, z := caller()
	fmt.Println(clobber(20), x, y, z, *sink, **sinkPP)
	fmt.Println(recursiveLeak(), clobber(3), *sink)
	*sink = 1
	fmt.Println(*sink, **sinkPP)
}
