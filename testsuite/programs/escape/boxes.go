package main

import (
	"errors"
	"fmt"
)

type pair struct {
	a, b int
}

type myErr struct {
	code int
	msg  string
}

func (e myErr) Error() string { return fmt.Sprintf("E%d %s", e.code, e.msg) }

var global any
var globals []any

type holder struct {
	v any
}

//go:noinline
func keep(h *holder, v any) {
	h.v = v
}

//go:noinline
func same(x any) any {
	return x
}

//go:noinline
func describe(x any) int {
	switch v := x.(type) {
	case string:
		return len(v)
	case pair:
		return v.a*10 + v.b
	case []int:
		return len(v) * 100
	}
	return -1
}

// A box returned.
//
//go:noinline
func returned(n int) any {
	s := fmt.Sprint("n=", n)
	return s
}

// A box returned through a callee that returns its parameter.
//
//go:noinline
func returnedThrough(a, b int) any {
	return same(pair{a, b})
}

// Stored in a package variable and in a package slice.
//
//go:noinline
func toGlobals(n int) {
	global = pair{n, n + 1}
	globals = append(globals, []int{n, n, n})
}

// Stored in a heap object that outlives the frame.
//
//go:noinline
func toHeapObject(s string) *holder {
	h := &holder{}
	keep(h, s+"!")
	return h
}

// Captured by a returned closure.
//
//go:noinline
func captured(n int) func() int {
	var x any = pair{n, 2 * n}
	return func() int { return describe(x) }
}

// An error value returned: its box escapes.
//
//go:noinline
func failing(code int) error {
	if code == 0 {
		return nil
	}
	return myErr{code, "bad"}
}

// A panic value holding a struct, recovered by the caller.
//
//go:noinline
func panics(n int) {
	panic(pair{n, -n})
}

func recovers(n int) (r any) {
	defer func() { r = recover() }()
	panics(n)
	return nil
}

// A box kept from the previous iteration without escaping: one frame slot for every
// iteration would make prev and cur the same box.
func prevIteration() {
	var prev any
	for i := 1; i <= 3; i++ {
		cur := any(pair{i, i})
		if prev != nil {
			println("prev", describe(prev), "cur", describe(cur))
		}
		prev = cur
	}
	println("last", describe(prev))
}

// Boxes in a local slice of interfaces, kept across iterations.
func sliceOfBoxes() {
	var keep []any
	for i := 0; i < 3; i++ {
		xs := []any{"ab", pair{i, 1}}
		if keep != nil {
			println("kept", describe(keep[0]), describe(keep[1]))
		}
		keep = xs
	}
}

// Local boxes that do not escape, compared and switched on.
func local(n int) int {
	x := any(pair{n, 1})
	y := any(pair{n, 1})
	z := any("hello")
	t := 0
	if x == y {
		t += 1000
	}
	if x != z {
		t += describe(x) + describe(z)
	}
	var e error = myErr{n, "x"}
	if e != nil {
		t++
	}
	return t
}

// A pointer boxed (no box: the data word is the pointer) that escapes: v moves to heap.
//
//go:noinline
func pointerBox(n int) any {
	v := n * 7
	return &v
}

// Writes a pattern over the stack below the caller's frame.
//
//go:noinline
func clobber() int {
	junk := make([]int, 2048)
	for i := range junk {
		junk[i] = -1 - i
	}
	return len(junk)
}

func main() {
	a := returned(5)
	b := returnedThrough(3, 4)
	clobber()
	fmt.Println(a, b)
	toGlobals(8)
	clobber()
	fmt.Println(global, globals)
	h := toHeapObject("hi")
	clobber()
	fmt.Println(h.v)
	f := captured(3)
	clobber()
	fmt.Println(f(), f())
	err := failing(7)
	clobber()
	fmt.Println(err, failing(0) == nil)
	me, ok := err.(myErr)
	fmt.Println(ok, me.code, errors.New("plain"))
	r := recovers(9)
	clobber()
	fmt.Println(r)
	prevIteration()
	sliceOfBoxes()
	fmt.Println(local(2), local(5))
	p := pointerBox(6)
	clobber()
	fmt.Println(*p.(*int))
}
