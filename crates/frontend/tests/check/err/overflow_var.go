package main

import "fmt"

func main() {
	var b uint8 = 255 + 1
	c := int32(1 << 40)
	const big = 1 << 62
	var d int = big * 4
	fmt.Println(b, c, d)
}
