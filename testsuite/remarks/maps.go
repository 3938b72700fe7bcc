// Escape analysis remarks on maps (`deferlab build -m`), compared by hand with
// `go build -gcflags=-m` (Go 1.27.3) on this file; where we differ, the line says why.
package main

import "fmt"

type T struct{ n int }

func store(m map[string]*T, k string) { // m does not escape; leaking param: k (both)
	t := T{1} // moved to heap: t (both): the value is stored into the table
	m[k] = &t
}

func keyed(m map[*int]bool) { // m does not escape (both)
	x := 3 // moved to heap: x (both): the key is copied into the table
	m[&x] = true
}

func lookup(m map[string]int, k string) int { // m, k do not escape (both)
	s := k + "!" // gc: k + "!" does not escape; we name no string concatenation
	return m[s]
}

func record(m map[string]int, name string) { // leaking param: name (both)
	defer func() { m[name]++ }() // func literal does not escape (both); gc inlines no function with a defer
	m["calls"]++
}

func main() {
	// gc keeps the first two maps' headers in the frame (`map[string]*T{} does not
	// escape`; lm escapes through fmt.Println); ours are always allocated on the heap,
	// and escape says nothing about them.
	m := map[string]*T{}
	store(m, "a")
	km := map[*int]bool{}
	keyed(km)
	lm := make(map[string]int)
	lm["x!"] = 4
	record(lm, "main")
	fmt.Println(m["a"].n, len(km), lookup(lm, "x"), lm)
}
