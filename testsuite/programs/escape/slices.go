package main

import "fmt"

var global []int
var globalPtr *int

type box struct {
	s []int
}

//go:noinline
func sum(s []int) int {
	t := 0
	for _, x := range s {
		t += x
	}
	return t
}

//go:noinline
func keep(b *box, s []int) {
	b.s = s
}

// A made slice returned: its array must outlive the frame.
//go:noinline
func returned() []int {
	s := make([]int, 4)
	for i := range s {
		s[i] = i * 3
	}
	return s
}

// A slice literal returned.
//go:noinline
func returnedLit(a, b int) []int {
	return []int{a, b, a + b}
}

// Stored in a package variable, then the frame is gone.
//go:noinline
func toGlobal() {
	s := make([]int, 3)
	s[0], s[1], s[2] = 7, 8, 9
	global = s[1:]
}

// A pointer to an element stored in a package variable.
//go:noinline
func elemToGlobal() {
	s := []int{41, 42, 43}
	globalPtr = &s[1]
}

// Stored in a heap object that outlives the frame.
//go:noinline
func toHeapObject() *box {
	b := &box{}
	keep(b, make([]int, 2))
	b.s[1] = 5
	return b
}

// Captured by a closure that is returned.
//go:noinline
func captured() func() int {
	s := make([]int, 5)
	s[4] = 11
	return func() int {
		s[4]++
		return s[4]
	}
}

// Through an interface.
//go:noinline
func throughIface() any {
	s := make([]byte, 3)
	s[0] = 'a'
	return s
}

// As a panic value, recovered by the caller.
func panics() {
	s := []string{"boom", "again"}
	panic(s)
}

func recovers() (r []string) {
	defer func() {
		r = recover().([]string)
	}()
	panics()
	return nil
}

// Appending past the capacity moves to the heap; within it, writes in place.
func appends() []int {
	s := make([]int, 0, 4)
	s = append(s, 1, 2, 3)
	t := append(s, 4)
	u := append(t, 5, 6)
	return u
}

// Kept across loop iterations: the previous iteration's slice must keep its values.
func acrossIterations() {
	var prev []int
	var all [][]int
	for i := 0; i < 4; i++ {
		cur := make([]int, 3)
		if prev != nil {
			fmt.Println("prev", prev, "cur", cur)
		}
		cur[0], cur[1], cur[2] = i, i*i, -i
		prev = cur
		all = append(all, []int{i, i + 1})
	}
	fmt.Println("last", prev, all)
}

// A sub-slice and an element pointer kept from the previous iteration.
func subSlices() {
	var tail []byte
	var p *byte
	for i := 0; i < 3; i++ {
		buf := make([]byte, 4)
		if tail != nil {
			fmt.Println("tail", tail, *p)
		}
		for j := range buf {
			buf[j] = byte(10*i + j)
		}
		tail = buf[2:]
		p = &buf[1]
	}
	fmt.Println("tail", tail, *p)
}

// A slice made in a loop and captured by a deferred closure.
func deferredInLoop() {
	for i := 0; i < 3; i++ {
		s := make([]int, 2)
		s[0] = i
		defer func() { fmt.Println("deferred", s) }()
	}
}

// Keeps the previous iteration's slice without letting it escape: with one frame slot
// reused by every iteration, prev and cur would be the same array.
func prevNoEscape() {
	var prev []int
	for i := 1; i <= 4; i++ {
		cur := make([]int, 3)
		cur[0], cur[1], cur[2] = i, 10*i, 100*i
		if prev != nil {
			println("prev", sum(prev), "cur", sum(cur))
		}
		prev = cur
	}
	println("last", sum(prev))
}

// The same with slice literals, a sub-slice and an element pointer.
func prevLitNoEscape() {
	var tail []int
	var p *int
	for i := 1; i <= 3; i++ {
		lit := []int{i, 2 * i, 3 * i, 4 * i}
		if tail != nil {
			println("tail", sum(tail), *p)
		}
		tail = lit[2:]
		p = &lit[1]
	}
	println("tail", sum(tail), *p)
}

// Writes a pattern over the stack below the caller's frame, so that a frame slot
// wrongly kept past its return reads back garbage.
//
//go:noinline
func clobber() int {
	junk := make([]int, 2048)
	for i := range junk {
		junk[i] = -1 - i
	}
	return sum(junk[:10])
}

// Fresh zeroed memory on every execution of make in a loop.
func zeroedEachTime() int {
	bad := 0
	for i := 0; i < 5; i++ {
		s := make([]int, 8)
		for _, x := range s {
			if x != 0 {
				bad++
			}
		}
		for j := range s {
			s[j] = i + 1
		}
		bad += sum(s) - 8*(i+1)
		lit := []int{i, i}
		lit[0]++
		bad += lit[0] - lit[1] - 1
	}
	return bad
}

// A slice of pointers to locals: the array and what it holds.
//go:noinline
func pointers() []*int {
	a, b := 1, 2
	ps := []*int{&a, &b}
	*ps[0] += 10
	return ps
}

// Non-escaping, large and small, constant and not.
func local(n int) int {
	small := make([]int, 16)
	big := make([]int, 20000)
	dyn := make([]int, n)
	for i := range small {
		small[i] = i
	}
	big[19999] = 3
	copy(dyn, small)
	return sum(small) + sum(big) + sum(dyn)
}

func main() {
	r := returned()
	l := returnedLit(2, 3)
	clobber()
	fmt.Println(r, l, sum(r)+sum(l))
	toGlobal()
	elemToGlobal()
	_ = returned()
	clobber()
	fmt.Println(global, *globalPtr)
	b := toHeapObject()
	clobber()
	fmt.Println(b.s)
	f := captured()
	clobber()
	fmt.Println(f(), f())
	x := throughIface()
	clobber()
	fmt.Println(x)
	fmt.Println(recovers())
	fmt.Println(appends())
	acrossIterations()
	subSlices()
	prevNoEscape()
	prevLitNoEscape()
	deferredInLoop()
	fmt.Println("zeroed", zeroedEachTime())
	ps := pointers()
	clobber()
	fmt.Println(*ps[0], *ps[1])
	fmt.Println(local(5), local(100))
}
