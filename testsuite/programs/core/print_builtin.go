package main

import "fmt"

func main() {
	fmt.Println("stdout line 1")
	println("hello", "world")
	println(1, 2, 3)
	println(-42, true, false)
	println()
	print("no", "spaces", 12, 34, "\n")
	print(true, false, "\n")
	var u8 uint8 = 255
	var i32 int32 = -2147483648
	var u64 uint64 = 18446744073709551615
	var i64 int64 = -9223372036854775808
	println(u8, i32, u64, i64)
	println("")
	s := "computed " + fmt.Sprint(6*7)
	println(s)
	x := 10
	for i := 0; i < 3; i++ {
		x *= 3
		print(x, ",")
	}
	println()
	fmt.Println("stdout line 2")
	print("trailing no newline")
}
