package main

import "fmt"

type box struct {
	v int
}

func (b *box) String() string {
	return fmt.Sprint("box(", b.v, ")")
}

var stash []any

func viaAny(v int) any {
	b := box{v: v}
	return &b
}

func stashIt(v int) {
	x := v
	stash = append(stash, &x)
}

func panicPtr(v int) {
	y := v
	panic(&y)
}

func catch(v int) (p *int) {
	defer func() {
		r := recover()
		p = r.(*int)
	}()
	panicPtr(v)
	return nil
}

func panicClosure(v int) {
	z := v
	panic(func() int { z++; return z })
}

func catchClosure(v int) (f func() int) {
	defer func() {
		f = recover().(func() int)
	}()
	panicClosure(v)
	return nil
}

type ptrErr struct {
	p *int
}

func (e ptrErr) Error() string {
	return fmt.Sprint("ptrErr ", *e.p)
}

func makeErr(v int) error {
	w := v
	return ptrErr{p: &w}
}

func methodValue(v int) func() string {
	b := &box{v: v}
	return b.String
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
	a := viaAny(1)
	stashIt(2)
	stashIt(3)
	p := catch(4)
	f := catchClosure(5)
	g := makeErr(6)
	mv := methodValue(7)
	fmt.Println(clobber(25))
	fmt.Println(a, *stash[0].(*int), *stash[1].(*int), *p, f(), f(), g, mv())
}
