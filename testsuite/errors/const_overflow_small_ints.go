package main

import "fmt"

func main() {
	var a int8 = 128
	b := int16(-32769)
	var c uint16 = 1 << 16
	d := uint32(-1)
	const e int8 = -100
	f := e * 2
	var g uintptr = -1
	fmt.Println(a, b, c, d, f, g, ^uint16(0)+1)
}
