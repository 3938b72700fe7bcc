package main

import "fmt"

var log []string

func key(k string) string {
	log = append(log, "key "+k)
	return k
}

func val(v int) int {
	log = append(log, fmt.Sprint("val ", v))
	return v
}

func boom() int {
	panic("boom")
}

func zero() int { return 0 }

func try(label string, m map[string]int, f func()) {
	defer func() {
		fmt.Println(label, recover(), m)
	}()
	f()
}

func main() {
	m := map[string]int{}
	m[key("a")], m[key("b")] = val(1), val(2)
	fmt.Println(m, log)

	// A panicking right-hand side inserts nothing.
	try("rhs panics:", m, func() { m["c"] = boom() })
	try("op= operand panics:", m, func() { m["d"] += boom() })
	try("division by zero:", m, func() { m["e"] /= zero() })
	try("existing key kept:", m, func() { m["a"] /= zero() })

	// Swaps read both sides first.
	m["a"], m["b"] = m["b"], m["a"]
	fmt.Println(m)

	// `for k, dst[k] = range`: dst's index is the old k.
	var k int
	dst := map[int]int{}
	for k, dst[k] = range map[int]int{5: 50} {
	}
	fmt.Println(k, dst)
	s := []int{0, 0, 0}
	var i int
	for i, s[i] = range []int{7, 8, 9} {
	}
	fmt.Println(i, s)

	// A nil map write panics only after the right-hand side ran.
	var nm map[string]int
	try("nil map:", nm, func() { nm[key("z")] = val(26) })
	fmt.Println(log[len(log)-2:])
}
