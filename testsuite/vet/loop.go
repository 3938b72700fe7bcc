// defer.loop: a defer in a loop runs when the function returns, with a record per
// iteration. The clean shapes: a defer in a function literal called in the loop, and
// a defer after the loop.
package main

import "fmt"

type resource struct{ id int }

func (r *resource) Close() { fmt.Println("close", r.id) }

func open(id int) *resource { return &resource{id: id} }

func leaky(n int) {
	for i := range n {
		r := open(i)
		defer r.Close() // want `defer in a loop: the call runs when leaky returns`
	}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			defer fmt.Println("even", i) // want "defer in a loop"
		}
	}
	for {
		defer func() { fmt.Println("once") }() // want "defer in a loop"
		break
	}
}

func perIteration(n int) {
	for i := range n {
		func() {
			r := open(i)
			defer r.Close()
			fmt.Println("using", r.id)
		}()
	}
	r := open(n)
	defer r.Close()
}

func main() {
	leaky(2)
	perIteration(2)
}

// A defer in a loop nothing leaves never runs: staticcheck's SA5003 reports it, so
// defer.loop does not.
func server(requests []int) {
	for {
		for _, r := range requests {
			defer fmt.Println("done", r) // want "defer in a loop"
		}
		defer fmt.Println("never")
	}
}
