package main

import "fmt"

var kept []int
var all [][]int

// Slices whose backing store escapes under gc keep plain growslice: no stack buffer.

func printed() {
	var s []int
	s = append(s, 1)
	fmt.Println("printed", len(s), cap(s), s)
}

func printedLater() {
	var s []byte
	for i := 0; i < 5; i++ {
		s = append(s, byte('a'+i))
		fmt.Print(cap(s), " ")
	}
	fmt.Println(string(s))
}

func global() {
	var s []int
	s = append(s, 1)
	kept = s
	fmt.Println("global", cap(s), cap(kept))
}

func stored() {
	var s []int
	s = append(s, 1, 2)
	all = append(all, s)
	fmt.Println("stored", cap(s), cap(all[0]))
}

func capturedEscaping() func() int {
	var s []int
	f := func() int {
		s = append(s, 1)
		return cap(s)
	}
	return f
}

func main() {
	printed()
	printedLater()
	global()
	stored()
	f := capturedEscaping()
	fmt.Println("captured", f(), f(), f())
}
