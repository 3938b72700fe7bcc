package main

import "fmt"

func main() {
	var s []int
	for i := range 10 {
		s = append(s, i*3)
	}
	fmt.Println(s, len(s))
	s = append(s, 100, 200, 300)
	fmt.Println(s, len(s))
	t := []int{-1, -2}
	s = append(s, t...)
	fmt.Println(s, len(s))
	s = append(s)
	fmt.Println(len(s))
	u := append([]int{}, s[2:5]...)
	u[0] = 999
	fmt.Println(u, s[2])
	// aliasing when capacity is available
	base := make([]int, 3, 10)
	a := append(base, 1)
	b := append(base, 2)
	fmt.Println(a, b, a[3] == b[3])
	// no aliasing once capacity is exceeded
	full := []int{1, 2, 3}
	c := append(full, 4)
	c[0] = 100
	fmt.Println(full, c)
	strs := []string{"a"}
	strs = append(strs, "b", "c")
	strs = append(strs, strs...)
	fmt.Println(strs, len(strs))
	var bs []byte
	bs = append(bs, 104, 105)
	bs = append(bs, bs...)
	fmt.Println(bs)
	fmt.Printf("%s\n", bs)
	var nested [][]int
	for i := 0; i < 4; i++ {
		row := []int{}
		for j := 0; j <= i; j++ {
			row = append(row, i*j)
		}
		nested = append(nested, row)
	}
	fmt.Println(nested)
	rem := []int{0, 1, 2, 3, 4, 5, 6}
	rem = append(rem[:2], rem[3:]...)
	fmt.Println(rem, len(rem))
	ins := []int{1, 2, 4, 5}
	ins = append(ins[:2], append([]int{3}, ins[2:]...)...)
	fmt.Println(ins)
	var nilApp []int
	nilApp = append(nilApp, nilApp...)
	fmt.Println(nilApp == nil, len(nilApp))
}
