package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	big := make([]int, 8)
	n = copy(big, src)
	fmt.Println(n, big)
	// overlapping copies
	o := []int{0, 1, 2, 3, 4, 5, 6, 7}
	n = copy(o[2:], o)
	fmt.Println(n, o)
	o2 := []int{0, 1, 2, 3, 4, 5, 6, 7}
	n = copy(o2, o2[3:])
	fmt.Println(n, o2)
	bs := make([]byte, 5)
	n = copy(bs, "hello world")
	fmt.Println(n, bs)
	fmt.Printf("%s\n", bs)
	bs2 := make([]byte, 20)
	n = copy(bs2, "short")
	fmt.Println(n, bs2[:n], len(bs2))
	n = copy(bs2[3:], "XY")
	fmt.Printf("%d %q\n", n, bs2[:6])
	var nilDst []int
	n = copy(nilDst, src)
	fmt.Println(n, nilDst)
	n = copy(dst, nilDst)
	fmt.Println(n, dst)
	words := []string{"a", "b", "c"}
	w2 := make([]string, 2)
	copy(w2, words[1:])
	fmt.Println(w2)
	w2[0] = "changed"
	fmt.Println(words, w2)
}
