package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	lo, hi := 3, 2
	fmt.Println(s[hi:lo])
	fmt.Println(s[lo:hi])
}
