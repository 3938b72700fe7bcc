package main

import "fmt"

const (
	A = iota * 10
	B
	C
	D uint8 = 1 << (iota + 5)
	E
)

func main() {
	fmt.Println(A, B, C, D, E)
}
