package main

import "fmt"

func main() {
	var a [4]int
	a[1] = 2
	fmt.Println(a)
}
