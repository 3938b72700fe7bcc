package main

import "fmt"

func cmp(a, b int) {
	fmt.Println(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
}

func cmps(a, b string) {
	fmt.Printf("%q %q %t %t %t %t %t %t\n", a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
}

func main() {
	cmp(1, 2)
	cmp(2, 1)
	cmp(-3, -3)
	cmp(-9223372036854775808, 9223372036854775807)
	var u1, u2 uint64 = 1 << 63, 1
	fmt.Println(u1 > u2, u1 < u2)
	var i1, i2 int64 = -1 << 63, 1
	fmt.Println(i1 > i2, i1 < i2)
	var b1, b2 uint8 = 200, 100
	fmt.Println(b1 > b2, int8ish(b1) > int8ish(b2))
	cmps("abc", "abd")
	cmps("abc", "ab")
	cmps("", "a")
	cmps("Zebra", "apple")
	cmps("same", "same")
	cmps("a\x00", "a")
	t, f := true, false
	fmt.Println(t == f, t != f, t == true, !f == t)
	var p, q *int
	fmt.Println(p == nil, p == q)
	n := 5
	p = &n
	q = &n
	fmt.Println(p == nil, p == q, p != nil)
	m := 5
	q = &m
	fmt.Println(p == q, *p == *q)
}

func int8ish(b uint8) int32 {
	v := int32(b)
	if v >= 128 {
		v -= 256
	}
	return v
}
