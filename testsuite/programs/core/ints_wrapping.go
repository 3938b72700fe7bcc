package main

import "fmt"

func main() {
	var a int = 9223372036854775807
	a++
	fmt.Println("int max+1:", a)
	a--
	fmt.Println("int min-1:", a)
	var b int64 = -9223372036854775808
	b = -b
	fmt.Println("-minint64:", b)
	var c int32 = 2147483647
	c += 10
	fmt.Println("int32 wrap:", c)
	c = -2147483648
	c *= -1
	fmt.Println("int32 -min:", c)
	var d uint8 = 250
	for i := 0; i < 10; i++ {
		d++
		fmt.Print(d, " ")
	}
	fmt.Println()
	var e byte = 3
	e -= 5
	fmt.Println("byte 3-5:", e)
	var f uint = 0
	f--
	fmt.Println("uint 0-1:", f)
	var g uint64 = 1
	for i := 0; i < 70; i++ {
		g *= 3
	}
	fmt.Println("3^70 mod 2^64:", g)
	var h int64 = 1
	for i := 0; i < 70; i++ {
		h *= 3
	}
	fmt.Println("3^70 as int64:", h)
	var k int32 = 1
	for i := 0; i < 25; i++ {
		k *= 7
	}
	fmt.Println("7^25 as int32:", k)
	var m uint8 = 17
	m *= 17
	fmt.Println("17*17 as uint8:", m)
	var n int = 1 << 62
	n *= 4
	fmt.Println("2^64 as int:", n)
	// a simple hash
	var hash uint64 = 14695981039346656037
	s := "hello, world"
	for i := 0; i < len(s); i++ {
		hash ^= uint64(s[i])
		hash *= 1099511628211
	}
	fmt.Println("fnv1a:", hash)
	var h32 int32 = 0
	for i := 0; i < len(s); i++ {
		h32 = h32*31 + int32(s[i])
	}
	fmt.Println("java hash:", h32)
	sum := uint8(0)
	for i := range 100 {
		sum += uint8(i)
	}
	fmt.Println("sum 0..99 uint8:", sum)
}
