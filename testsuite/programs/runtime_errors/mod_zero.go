package main

import "fmt"

func main() {
	var xs []uint8
	for i := range 6 {
		xs = append(xs, uint8(5-i))
	}
	var acc uint8 = 255
	for _, x := range xs {
		fmt.Println(acc, "%", x)
		acc = acc % x * 7
		fmt.Println(" =", acc)
	}
}
