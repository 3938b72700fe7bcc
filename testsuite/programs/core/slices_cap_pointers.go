package main

import "fmt"

type Node struct {
	Name string
	Next *Node
}

type Pair struct{ A, B int }

// Every slice here is printed whole at the end, so its backing array escapes to the
// heap and each append uses the runtime's plain growslice. Element types with
// pointers get a malloc header past 512 bytes, which changes the capacities.
func main() {
	var ss []string
	var ps []*Node
	var ns []Node
	var as []any
	var is []int
	var pr []Pair
	var bs [][]int
	var es []error
	for i := 0; i < 1500; i++ {
		ss = append(ss, "x")
		ps = append(ps, nil)
		ns = append(ns, Node{})
		as = append(as, nil)
		is = append(is, i)
		pr = append(pr, Pair{})
		bs = append(bs, nil)
		es = append(es, nil)
		if i < 70 || i%97 == 0 || i == 1499 {
			fmt.Println(i, cap(ss), cap(ps), cap(ns), cap(as), cap(is), cap(pr), cap(bs), cap(es))
		}
	}
	m := make([]string, 0, 33)
	m = append(m, make([]string, 40)...)
	fmt.Println(len(m), cap(m))
	fmt.Println(len(fmt.Sprint(ss, ps, ns, as, is, pr, bs, es)))
}
