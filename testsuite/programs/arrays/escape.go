package main

import "fmt"

type buf struct {
	data [8]byte
	n    int
}

var keep []int

// A slice of a frame array that escapes moves the array to the heap.
func leak() []int {
	var a [4]int
	for i := range a {
		a[i] = i * i
	}
	return a[1:]
}

func leakPtr() *[3]string {
	a := [3]string{"x", "y", "z"}
	return &a
}

func store() {
	var a [5]int
	a[4] = 44
	keep = a[:]
}

func local() int {
	var a [16]int
	s := a[:]
	for i := range s {
		s[i] = i
	}
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func (b *buf) write(s string) {
	for i := 0; i < len(s) && b.n < len(b.data); i++ {
		b.data[b.n] = s[i]
		b.n++
	}
}

func garbage() {
	var all [][]int
	for i := 0; i < 200; i++ {
		all = append(all, make([]int, 64))
	}
	_ = all
}

func main() {
	s := leak()
	p := leakPtr()
	store()
	garbage()
	fmt.Println(s, *p, keep, local())
	var b buf
	defer func() {
		fmt.Printf("%s %d %q\n", b.data[:b.n], b.n, b.data)
	}()
	b.write("hello, ")
	b.write("world")
	garbage()
	s[0] += 100
	p[2] = "w"
	fmt.Println(s, p[0]+p[2], len(keep))
}
