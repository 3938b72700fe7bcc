package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	lo := 5
	fmt.Println("len", len(s), "cap", cap(s))
	fmt.Println(s[lo:])
}
