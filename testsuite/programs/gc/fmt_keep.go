// Receivers that only fmt holds (gc::keep): fmt prints a map by reading its entries
// first and calling String() on each value afterwards. Each String() grows the map,
// so its entries move to a new array and the old one (where the values fmt has yet
// to print live) is reachable from nothing the program holds, and then collects.
// Go prints what the map held when Println was called.

package main

import (
	"fmt"
	"runtime"
)

type entry struct {
	name  string
	parts []string
}

type node struct {
	label string
	next  *node
}

var byID map[int]entry
var byName map[string]*node

func churn() {
	for i := 0; i < 200; i++ {
		_ = fmt.Sprint("garbage", i, []int{i, i + 1})
	}
	runtime.GC()
}

func (e entry) String() string {
	for i := 0; i < 40; i++ {
		byID[1000+len(byID)] = entry{name: fmt.Sprint("late", i)}
	}
	churn()
	return e.name + fmt.Sprint(e.parts)
}

func (n *node) String() string {
	for i := 0; i < 40; i++ {
		byName[fmt.Sprint("z", len(byName))] = &node{label: fmt.Sprint("late", i)}
	}
	churn()
	s := n.label
	if n.next != nil {
		s += "->" + n.next.label
	}
	return s
}

func main() {
	byID = map[int]entry{}
	for i := 0; i < 6; i++ {
		byID[i] = entry{name: fmt.Sprint("e", i), parts: []string{fmt.Sprint("p", i), fmt.Sprint("q", i)}}
	}
	fmt.Println(byID)
	fmt.Println(len(byID))

	byName = map[string]*node{}
	for i := 0; i < 6; i++ {
		byName[fmt.Sprint("k", i)] = &node{label: fmt.Sprint("n", i), next: &node{label: fmt.Sprint("m", i)}}
	}
	s := fmt.Sprintf("%v|%d", byName, 7)
	fmt.Println(s, len(byName))
}
