package main

import "fmt"

type T struct{ A, B int }

func main() {
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
	x, y := 0, 1
	for i := 0; i < 10; i++ {
		x, y = y, x+y
	}
	fmt.Println(x, y)
	s := []int{1, 2, 3, 4, 5}
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	fmt.Println(s)
	i := 0
	i, s[i] = 2, 100
	fmt.Println(i, s)
	n := 10
	n += 5
	n -= 3
	n *= 4
	n /= 6
	n %= 5
	n <<= 3
	n >>= 1
	n |= 1
	n &= 13
	n ^= 6
	n &^= 2
	fmt.Println(n)
	n++
	n++
	n--
	fmt.Println(n)
	var u uint8 = 0
	u--
	u--
	fmt.Println(u)
	p := &n
	*p += 10
	(*p)++
	fmt.Println(n)
	t := T{1, 2}
	t.A, t.B = t.B, t.A
	fmt.Println(t)
	pt := &t
	pt.A++
	pt.B *= 10
	fmt.Println(t)
	var _ = 5
	_, second := 1, 2
	fmt.Println(second)
	m := []string{"x", "y"}
	m[0], m[1] = m[1]+"!", m[0]+"?"
	fmt.Println(m)
	q, r := 17/5, 17%5
	fmt.Println(q, r)
	var (
		v1     = 1
		v2, v3 = "two", true
	)
	fmt.Println(v1, v2, v3)
}
