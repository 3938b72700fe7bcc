package main

import "fmt"

func main() {
	a, b := map[int]int{}, map[int]int{}
	fmt.Println(a == b)
}
