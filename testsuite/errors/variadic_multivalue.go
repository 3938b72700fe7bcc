package main

import "fmt"

func pair() (int, int) { return 1, 2 }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	fmt.Println(sum(pair()))
}
