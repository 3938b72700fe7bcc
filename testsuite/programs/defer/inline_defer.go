// Small functions that defer, inlined into their callers: the callee's deferred calls
// run when the inlined body ends, before the caller's own, in the order Go runs them.
package main

import "fmt"

type mutex struct {
	held  bool
	trace []string
}

func (m *mutex) Lock() {
	if m.held {
		panic("already locked")
	}
	m.held = true
	m.trace = append(m.trace, "lock")
}

func (m *mutex) Unlock() {
	m.held = false
	m.trace = append(m.trace, "unlock")
}

type counter struct {
	mu mutex
	n  int
}

func (c *counter) incr() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *counter) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func note(s string) { fmt.Println("deferred", s) }

func two() int {
	defer note("two: first")
	defer note("two: second")
	return 2
}

func withArgs(x int) (r int) {
	defer fmt.Println("withArgs defer sees x =", x)
	x += 10
	return x
}

func caller() {
	defer note("caller")
	fmt.Println("two returns", two())
	fmt.Println("withArgs returns", withArgs(5))
}

func main() {
	c := &counter{}
	c.incr()
	c.incr()
	fmt.Println(c.get(), c.mu.held, c.mu.trace)
	caller()
}
