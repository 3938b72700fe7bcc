// Function values in local variables (inlined when written once), loads after stores
// through one pointer and another, and branches that become conditional moves.
package main

import "fmt"

type acc struct{ total, calls int }

func (a *acc) add(x int) { a.total += x; a.calls++ }

type pair struct{ x, y int }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// f is written once, before the loop: each call is (*acc).add.
func methodValue(a *acc, xs []int) int {
	f := a.add
	for _, x := range xs {
		f(x)
	}
	return a.total*100 + a.calls
}

// g is written twice: the calls must go to whichever it holds.
func reassigned(xs []int) int {
	s := 0
	g := func(x int) { s += x }
	for i, x := range xs {
		if i == 2 {
			g = func(x int) { s -= 10 * x }
		}
		g(x)
	}
	return s
}

// h is written in one branch only: the other path calls nil.
func maybeNil(set bool) (r int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			r = -1
		}
	}()
	var h func() int
	if set {
		h = func() int { return 7 }
	}
	return h()
}

// A call of a variable before its only assignment sees nil.
func beforeAssign() (r int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			r = -2
		}
	}()
	var k func() int
	for i := 0; i < 2; i++ {
		if i == 1 {
			k = func() int { return 5 }
		}
		r += k()
	}
	return r
}

// The same memory through two pointers: a store through q changes what p reads.
func aliases(p, q *pair) int {
	p.x = 1
	q.x = 2
	a := p.x
	p.y = 3
	b := p.x + p.y
	q.y = 4
	return a*100 + b*10 + p.y
}

// A call between a store and a load may change the memory.
func throughCall(p *pair, bump func()) int {
	p.x = 10
	bump()
	return p.x
}

func elems(s []int, i, j int) int {
	s[i] = 5
	s[j] = 6
	return s[i]
}

// Each store is seen: by the deferred call when the index panics between two
// stores, by a call between two stores, and by the next iteration's read.
func seenByDefer(p *pair, xs []int, i int) {
	defer func() {
		fmt.Println("deferred sees", p.x, recover() != nil)
	}()
	p.x = 1
	p.y = xs[i]
	p.x = 2
}

func seenByCall(p *pair, show func()) {
	p.x = 5
	show()
	p.x = 6
}

func lockUnlock(c *acc, n int) int {
	for i := 0; i < n; i++ {
		c.calls++
		c.total += i
		c.calls--
	}
	return c.total*10 + c.calls
}

func main() {
	seenByDefer(&pair{}, []int{1}, 0)
	seenByDefer(&pair{}, []int{1}, 3)
	sp := &pair{}
	seenByCall(sp, func() { fmt.Println("call sees", sp.x) })
	fmt.Println(sp.x, lockUnlock(&acc{}, 5), lockUnlock(&acc{calls: 7}, 3))

	a := &acc{}
	fmt.Println(methodValue(a, []int{1, 2, 3, 4}))
	fmt.Println(reassigned([]int{1, 2, 3, 4}))
	fmt.Println(maybeNil(true), maybeNil(false))
	fmt.Println(beforeAssign())

	p := &pair{}
	fmt.Println(aliases(p, p), *p)
	var q pair
	fmt.Println(aliases(p, &q), *p, q)
	fmt.Println(throughCall(p, func() { p.x++ }))
	s := []int{0, 0, 0}
	fmt.Println(elems(s, 1, 1), elems(s, 0, 2), s)

	sum := 0
	for i := -5; i <= 5; i++ {
		sum += abs(i)*1000 + clamp(i*3, -4, 7)
		fmt.Print(abs(i), clamp(i*3, -4, 7), " ")
	}
	fmt.Println()
	fmt.Println(sum, abs(-1<<63), clamp(-1<<63, -1, 1))
}
