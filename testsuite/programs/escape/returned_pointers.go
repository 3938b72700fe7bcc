package main

import "fmt"

type node struct {
	val  int
	next *node
}

type holder struct {
	p *int
}

var global *int
var globalNode *node

func newInt(v int) *int {
	x := v
	return &x
}

func viaNew(v int) *int {
	p := new(int)
	*p = v
	return p
}

func viaLit(v int) *node {
	return &node{val: v}
}

func id(p *int) *int {
	return p
}

func throughId(v int) *int {
	x := v
	return id(&x)
}

func storeGlobal(v int) {
	y := v
	global = &y
}

func intoSlice(n int) []*int {
	var out []*int
	for i := 0; i < n; i++ {
		v := i * 10
		out = append(out, &v)
	}
	return out
}

func intoField(v int) holder {
	z := v
	return holder{p: &z}
}

func intoFieldPtr(h *holder, v int) {
	w := v
	h.p = &w
}

func list(n int) *node {
	if n == 0 {
		return nil
	}
	x := node{val: n}
	x.next = list(n - 1)
	return &x
}

func keepNode(v int) {
	n := node{val: v}
	globalNode = &n
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
	a := newInt(1)
	b := viaNew(2)
	c := viaLit(3)
	d := throughId(4)
	storeGlobal(5)
	s := intoSlice(3)
	h := intoField(6)
	var h2 holder
	intoFieldPtr(&h2, 7)
	l := list(4)
	keepNode(8)
	fmt.Println(clobber(20))
	fmt.Println(*a, *b, c.val, *d, *global, *s[0], *s[1], *s[2], *h.p, *h2.p, globalNode.val)
	for p := l; p != nil; p = p.next {
		fmt.Print(p.val, " ")
	}
	fmt.Println()
	*a, *d = 100, 400
	fmt.Println(clobber(5), *a, *d, *s[2]+*h.p)
}
