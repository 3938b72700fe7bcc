package main

import "fmt"

func main() {
	var a, b int
	a, b = 1, 2, 3
	fmt.Println(a, b)
}
