package main

import "fmt"

type Pair struct {
	A, B int
}

func main() {
	var s []int
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			fmt.Println("int len", len(s), "cap", cap(s))
			last = cap(s)
		}
	}
	var b []byte
	last = -1
	for i := 0; i < 3000; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			fmt.Println("byte len", len(b), "cap", cap(b))
			last = cap(b)
		}
	}
	var p []Pair
	last = -1
	for i := 0; i < 300; i++ {
		p = append(p, Pair{i, i})
		if cap(p) != last {
			fmt.Println("pair len", len(p), "cap", cap(p))
			last = cap(p)
		}
	}
	x := []int{1, 2, 3}
	x = append(x, 4, 5, 6, 7, 8)
	fmt.Println(len(x), cap(x))
	y := make([]int, 0, 5)
	y = append(y, 1, 2, 3, 4, 5, 6)
	fmt.Println(len(y), cap(y))
	var zs []string
	z := append(zs, "a", "b", "c")
	fmt.Println(len(z), cap(z))
	w := append(make([]int, 7), make([]int, 5)...)
	fmt.Println(len(w), cap(w))
}
