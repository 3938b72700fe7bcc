package main

import "fmt"

func bad(xs ...int, y int) {}

func sum(xs ...int) int { return len(xs) }

func two(a string, xs ...int) {}

func main() {
	fmt.Println(sum(1, "x"))
	s := []string{}
	two("a", s...)
	two()
	two("a", 1, []int{2}...)
}
