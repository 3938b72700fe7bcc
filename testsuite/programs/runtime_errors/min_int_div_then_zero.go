package main

import "fmt"

func main() {
	var m int64 = -9223372036854775808
	d := int64(-1)
	fmt.Println("MinInt64 / -1 =", m/d, "(wraps, no panic)")
	fmt.Println("MinInt64 % -1 =", m%d)
	var m32 int32 = -2147483648
	d32 := int32(-1)
	fmt.Println("MinInt32 / -1 =", m32/d32)
	d32++
	fmt.Println("now dividing by", d32)
	fmt.Println(m32 / d32)
}
