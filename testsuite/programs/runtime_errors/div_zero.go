package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	for _, d := range []int{5, 3, 1, 0} {
		fmt.Println("100 /", d, "=", div(100, d))
	}
	fmt.Println("unreachable")
}
