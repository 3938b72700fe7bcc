package main

import "fmt"

// Deferred method calls and method values with pointer and value receivers, open-coded:
// the receiver is evaluated at the defer statement, so reassigning the pointer variable
// afterwards does not show, while writes through the pointer do; a value receiver is
// copied at the defer.

type counter struct {
	name string
	n    int
}

func (c *counter) Report(tag string) { fmt.Println(tag, c.name, c.n) }

func (c *counter) Inc() { c.n++ }

func (c counter) Snapshot(tag string) { fmt.Println(tag, "snapshot", c.name, c.n) }

func use(flag bool) (res int) {
	c := &counter{name: "A"}
	defer c.Report("direct call on A:")
	report := c.Report
	defer report("method value on A:")
	defer c.Snapshot("value receiver of A at n=0:")
	snap := c.Snapshot
	c.n = 5
	defer snap("method value of A, bound at n=0:")
	defer c.Inc()
	c = &counter{name: "B", n: 100}
	if flag {
		defer c.Report("conditional on B:")
		inc := c.Inc
		defer inc()
	}
	c.n = 200
	defer func() { res = c.n }()
	c.name = "B'"
	return -1
}

type stack struct{ items []string }

func (s *stack) push(v string) { s.items = append(s.items, v) }

func (s *stack) dump() { fmt.Println("stack", s.items, len(s.items)) }

func main() {
	fmt.Println("use(false) =", use(false))
	fmt.Println("use(true) =", use(true))
	s := &stack{}
	defer s.dump()
	defer s.push("pushed by defer")
	s.push("body")
	s = &stack{items: []string{"other"}}
	defer s.dump()
}
