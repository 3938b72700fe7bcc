package main

import "fmt"

func main() {
	x := 1 << 63
	fmt.Println(x)
}
