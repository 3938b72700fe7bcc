// Objects scanned by their type's layout: structs mixing pointer and non-pointer
// words, slices of them grown by append, arrays of 32-word elements (whose mask does
// not fit the slice operand, so it goes by a registered id), closures whose
// captures mix pointers and integers, and interface boxes of structs with pointers at
// odd offsets. runtime.GC() collects at known points, inside deferred calls too,
// while a panic unwinds. Every value is checked after the collections.

package main

import (
	"fmt"
	"runtime"
)

type leaf struct {
	id   int
	name string
}

type mixed struct {
	a    int
	flag bool
	b    int32
	p    *leaf
	n    int
	s    []int
	e    error
	v    any
	f    func() int
	last *leaf
}

type big struct {
	w0   int
	w1   int
	w2   int
	w3   int
	w4   int
	w5   int
	w6   int
	w7   int
	w8   int
	w9   int
	w10  int
	w11  int
	w12  int
	w13  int
	w14  int
	w15  int
	w16  int
	w17  int
	w18  int
	w19  int
	w20  int
	w21  int
	w22  int
	w23  int
	w24  int
	w25  int
	w26  int
	w27  int
	w28  int
	w29  int
	w30  int
	tail *leaf
}

type codeErr struct {
	code int
	what *leaf
}

func (c codeErr) Error() string { return fmt.Sprint("code ", c.code, " ", c.what.name) }

func newLeaf(i int) *leaf {
	return &leaf{id: i, name: fmt.Sprint("leaf-", i)}
}

func makeMixed(i int) mixed {
	l := newLeaf(i)
	k := i * 3
	return mixed{
		a:    i,
		flag: i%2 == 0,
		b:    int32(i),
		p:    l,
		n:    -i,
		s:    []int{i, i + 1, i + 2},
		e:    codeErr{i, newLeaf(i + 1000)},
		v:    leaf{i, fmt.Sprint("boxed-", i)},
		f:    func() int { return k + l.id },
		last: newLeaf(i + 2000),
	}
}

func check(m mixed, i int) bool {
	if m.a != i || m.p.id != i || m.p.name != fmt.Sprint("leaf-", i) || m.n != -i {
		return false
	}
	if len(m.s) != 3 || m.s[2] != i+2 || m.e.Error() != fmt.Sprint("code ", i, " leaf-", i+1000) {
		return false
	}
	if m.v.(leaf).name != fmt.Sprint("boxed-", i) || m.f() != 4*i || m.last.id != i+2000 {
		return false
	}
	return true
}

func garbage(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 64)
		b[i%64] = byte(i)
		s += int(b[i%64])
	}
	return s
}

// counter returns closures over an int, a pointer and a string; only the closures
// keep them.
func counter(start int) (func() int, func() string) {
	n := start
	p := newLeaf(start)
	tag := fmt.Sprint("tag", start)
	inc := func() int {
		n++
		return n + p.id
	}
	show := func() string { return tag + "/" + p.name }
	return inc, show
}

func bigs(n int) []big {
	var out []big
	for i := 0; i < n; i++ {
		out = append(out, big{w0: i, w29: -i, tail: newLeaf(i)})
	}
	return out
}

func unwind(ms []mixed) (res string) {
	defer func() {
		r := recover()
		runtime.GC()
		garbage(2000)
		runtime.GC()
		res = fmt.Sprint(r, " ", check(ms[3], 3), " ", ms[4].last.name)
	}()
	defer func(m mixed) {
		runtime.GC()
		fmt.Println("deferred arg:", check(m, 5), m.p.name, m.e)
	}(ms[5])
	panic(codeErr{7, newLeaf(77)})
}

func main() {
	var ms []mixed
	for i := 0; i < 200; i++ {
		ms = append(ms, makeMixed(i))
		if i%50 == 0 {
			runtime.GC()
		}
		garbage(50)
	}
	runtime.GC()
	ok := 0
	for i, m := range ms {
		if check(m, i) {
			ok++
		}
	}
	fmt.Println("mixed ok:", ok, "of", len(ms))

	var incs []func() int
	var shows []func() string
	for i := 0; i < 100; i++ {
		inc, show := counter(i)
		incs = append(incs, inc)
		shows = append(shows, show)
	}
	runtime.GC()
	garbage(5000)
	runtime.GC()
	total := 0
	for _, f := range incs {
		total += f() + f()
	}
	fmt.Println("closures:", total, shows[0](), shows[99]())

	bs := bigs(300)
	runtime.GC()
	garbage(3000)
	runtime.GC()
	sum := 0
	for i, b := range bs {
		if b.w0 == i && b.w29 == -i && b.tail.id == i {
			sum++
		}
	}
	fmt.Println("bigs ok:", sum, bs[299].tail.name)

	boxes := make([]any, 0)
	for i := 0; i < 100; i++ {
		boxes = append(boxes, makeMixed(i), codeErr{i, newLeaf(i)}, &leaf{i, fmt.Sprint("ptr-", i)})
	}
	runtime.GC()
	garbage(3000)
	runtime.GC()
	good := 0
	for i := 0; i < 100; i++ {
		m := boxes[3*i].(mixed)
		e := boxes[3*i+1].(error)
		l := boxes[3*i+2].(*leaf)
		if check(m, i) && e.Error() == fmt.Sprint("code ", i, " leaf-", i) && l.name == fmt.Sprint("ptr-", i) {
			good++
		}
	}
	fmt.Println("boxes ok:", good)

	fmt.Println(unwind(ms))
}
