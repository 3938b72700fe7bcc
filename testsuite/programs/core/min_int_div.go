package main

import "fmt"

func div(a, b int64) int64 { return a / b }
func mod(a, b int64) int64 { return a % b }

func main() {
	var m int64 = -9223372036854775808
	var neg int64 = -1
	fmt.Println("MinInt64 / -1 =", m/neg)
	fmt.Println("MinInt64 % -1 =", m%neg)
	fmt.Println("via func:", div(m, -1), mod(m, -1))
	var m32 int32 = -2147483648
	var n32 int32 = -1
	fmt.Println("MinInt32 / -1 =", m32/n32, "rem", m32%n32)
	var mi int = -9223372036854775808
	d := -1
	mi /= d
	fmt.Println("int /= -1:", mi)
}
