package main

import "fmt"

func main() {
	var nilSlice []int
	fmt.Println(nilSlice, len(nilSlice), cap(nilSlice), nilSlice == nil)
	empty := []int{}
	fmt.Println(empty, len(empty), cap(empty), empty == nil)
	s := make([]int, 5)
	fmt.Println(s, len(s), cap(s))
	s2 := make([]int, 3, 10)
	fmt.Println(s2, len(s2), cap(s2))
	for i := range s {
		s[i] = i * i
	}
	fmt.Println(s)
	lit := []int{10, 20, 30, 40}
	lit[2] += 5
	lit[0]--
	fmt.Println(lit, lit[1]*lit[2])
	alias := lit
	alias[3] = 99
	fmt.Println(lit, alias)
	strs := []string{"go", "rust", "zig"}
	fmt.Println(strs, len(strs))
	fmt.Printf("%v %q %d\n", strs, strs, lit)
	bools := make([]bool, 4)
	bools[1] = true
	fmt.Println(bools)
	bs := []byte{72, 105, 33}
	fmt.Println(bs, len(bs))
	fmt.Printf("%s %x %v\n", bs, bs, bs)
	total := 0
	for _, v := range lit {
		total += v
	}
	fmt.Println("total", total)
	for i, v := range strs {
		fmt.Println(i, v, len(v))
	}
	u8 := make([]uint8, 3)
	u8[0] = 255
	u8[0]++
	fmt.Println(u8)
	var ns []string
	fmt.Println(ns, len(ns), ns == nil)
	fmt.Printf("%v %d %T %T\n", nilSlice, nilSlice, nilSlice, strs)
}
