package main

import "fmt"

func main() {
	var i int = 1.5
	var f float64 = 1e400
	var g float32 = 1e39
	k := int(2.5)
	var l uint8 = 255.0 + 1
	x := 1.5
	m := x % 2
	const big float32 = 3e38
	n := big * 10
	o := int64(big)
	p := 1 / 0.0
	fmt.Println(i, f, g, k, l, m, n, o, p)
}
