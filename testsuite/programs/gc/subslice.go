package main

import "fmt"

// A backing array kept alive only by a sub-slice (an interior pointer) and a string
// kept only by a substring, across collections.

type cell struct {
	v    int
	name string
}

func churn(seed int) int {
	s := 0
	for i := 0; i < 3000; i++ {
		c := make([]cell, 64)
		c[i%64] = cell{v: i + seed, name: fmt.Sprint("c", i)}
		s += c[i%64].v
	}
	return s
}

func tail() []*cell {
	all := make([]*cell, 100)
	for i := range all {
		all[i] = &cell{v: i, name: fmt.Sprint("cell", i)}
	}
	return all[95:98]
}

func middle() string {
	s := fmt.Sprint("0123456789", "abcdefghij", "ABCDEFGHIJ")
	return s[12:18]
}

func main() {
	t := tail()
	m := middle()
	ints := make([]int, 1000)
	for i := range ints {
		ints[i] = i * i
	}
	last := ints[998:]
	ints = nil
	churn(1)
	for _, c := range t {
		fmt.Println(c.v, c.name)
	}
	fmt.Println(m, last, cap(t))
	t = t[:cap(t)+2 - 2]
	fmt.Println(len(t), t[2].name)
}
