package main

import "fmt"

// Defers in a loop get records that return to a free list when their calls run and
// are reused by the next defer of the same shape; a collection empties the lists.
// Here collections run between the defer statements and the deferred calls, records
// are reused round after round with new arguments, and a panic runs (and frees) them
// part way through a loop.

type node struct {
	id   int
	name string
	kids []*node
}

var total int

// churn allocates about 100 KB of garbage holding pointers.
func churn(seed int) int {
	s := 0
	for i := 0; i < 200; i++ {
		n := &node{id: i, name: fmt.Sprint("g", seed, "-", i), kids: make([]*node, 20)}
		s += len(n.name) + len(n.kids)
	}
	return s
}

func round(r, n int) {
	for i := 0; i < n; i++ {
		nd := &node{id: r*100 + i, name: fmt.Sprint("r", r, "i", i)}
		nd.kids = append(nd.kids, &node{id: -i, name: "kid"})
		defer func(p *node, tag string) {
			total += p.id + len(p.kids[0].name) + len(tag)
			if p.id%37 == 0 {
				fmt.Println("deferred", p.id, p.name, p.kids[0].name, tag)
			}
		}(nd, fmt.Sprint("t", i))
		if i%3 == 0 {
			churn(r + i)
		}
	}
	for i := 0; i < n/2; i++ {
		defer func(k int) { total += k }(i)
	}
	churn(r)
}

func panicky(r int) (res string) {
	defer func() {
		if e := recover(); e != nil {
			res = fmt.Sprint("recovered ", e, " total ", total)
		}
	}()
	for i := 0; i < 4; i++ {
		s := []string{fmt.Sprint("s", r, i)}
		defer func() {
			total += len(s[0])
			churn(i)
		}()
		if i == r%5 {
			panic(fmt.Sprint("p", r, i))
		}
	}
	return "no panic"
}

func main() {
	for r := 0; r < 30; r++ {
		round(r, 1+r%9)
		if r%4 == 0 {
			fmt.Println(panicky(r))
		}
	}
	fmt.Println("total", total)
}
