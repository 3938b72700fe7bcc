package main

import "fmt"

func main() {
	x := 10
	const z = 0
	fmt.Println(x/z, 1%0)
}
