package main

import "fmt"

var keep []int

// A slice of a frame array that outlives the frame moves the array to the heap.
func leak() []int {
	var a [4]int
	a[1] = 1
	return a[1:]
}

func leakPtr() *[3]string {
	a := [3]string{"x", "y", "z"}
	return &a
}

func store() {
	var a [5]int
	keep = a[:]
}

// A slice of a frame array that stays in the frame: the array stays too.
func local() int {
	var a [16]int
	s := a[:]
	for i := range s {
		s[i] = i
	}
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func retain(xs ...int) []int { return xs }

func show(a [3]int, xs ...string) {
	fmt.Println(a, xs)
}

func main() {
	fmt.Println(leak(), *leakPtr(), local(), sum(1, 2, 3), sum())
	store()
	r := retain(4, 5)
	var a [3]int
	defer show(a, "deferred", "args")
	for i := 0; i < 2; i++ {
		defer show([3]int{i}, "loop")
	}
	a[0] = sum(r...)
}
