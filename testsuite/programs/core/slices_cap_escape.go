package main

import "fmt"

var kept [][]int

// build returns its slice, so the backing array escapes to the heap.
func build(n int) []int {
	var s []int
	last := -1
	for i := 0; i < n; i++ {
		s = append(s, i)
		if cap(s) != last {
			fmt.Print(cap(s), " ")
			last = cap(s)
		}
	}
	fmt.Println()
	return s
}

func buildBytes(n int) []byte {
	var b []byte
	last := -1
	for i := 0; i < n; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			fmt.Print(cap(b), " ")
			last = cap(b)
		}
	}
	fmt.Println()
	return b
}

func main() {
	s := build(1100)
	kept = append(kept, s)
	fmt.Println(len(s), cap(s))
	b := buildBytes(1100)
	fmt.Println(len(b), cap(b))
	t := append(s[:10], 1, 2, 3)
	fmt.Println(len(t), cap(t), s[10])
	u := append([]int{1, 2, 3}, 4)
	kept = append(kept, u)
	fmt.Println(len(u), cap(u))
	w := append(kept[1], 5, 6, 7, 8, 9)
	kept = append(kept, w)
	fmt.Println(len(w), cap(w))
}
