package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(5), max(-5))
	a, b := 10, -20
	fmt.Println(min(a, b), max(a, b), min(a, b, 0), max(a, b, 100))
	var u8a, u8b uint8 = 200, 100
	fmt.Println(min(u8a, u8b), max(u8a, u8b))
	var i32 int32 = -7
	fmt.Println(min(i32, 3), max(i32, 3))
	var u64 uint64 = 1 << 63
	fmt.Println(min(u64, 1), max(u64, 1))
	fmt.Println(min("banana", "apple", "cherry"), max("banana", "apple", "cherry"))
	s1, s2 := "abc", "abd"
	fmt.Println(min(s1, s2), max(s1, s2), min(s1, ""), max("", s2))
	const c = min(1, 2, 3) + max(4, 5)
	fmt.Println(c)
	xs := []int{5, 2, 8, -1, 9, 3}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	fmt.Println(lo, hi)
	clamp := func(v, l, h int) int { return max(l, min(v, h)) }
	for _, v := range []int{-5, 0, 5, 10, 15} {
		fmt.Print(clamp(v, 0, 10), " ")
	}
	fmt.Println()
	fmt.Printf("%T %T\n", min(u8a, 1), max(i32, 2))
	var x int64 = 9223372036854775807
	fmt.Println(min(x, -x-1), max(x, -x-1))
}
