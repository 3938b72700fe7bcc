// Remarks of the inliner: what it can inline (gc's words), what it cannot and why
// (gc's -m=2 words), and the calls it inlines, with the defers that migrate into the
// caller (which gc cannot say: it never inlines a function that defers).
package main

import "fmt"

var sink int

//go:noinline
func work(x int) { sink += x }

type counter struct{ locked, n int }

func (c *counter) lock()   { c.locked++ }
func (c *counter) unlock() { c.locked-- }

func (c *counter) incr() {
	c.lock()
	defer c.unlock()
	c.n++
}

func unlockLike(x int) int {
	defer work(1)
	return x + 1
}

func twoLevels(x int) int {
	defer work(2)
	return unlockLike(x) + 1
}

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func big(x int) {
	work(x)
	work(x + 1)
}

func main() {
	c := &counter{}
	for i := 0; i < 3; i++ {
		c.incr()
		sink += twoLevels(i)
	}
	big(fact(3))
	fmt.Println(c.n, sink)
}
