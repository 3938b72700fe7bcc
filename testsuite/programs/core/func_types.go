package main

import "fmt"

type IntOp func(int, int) int
type Pred func(int) bool

type Entry struct {
	name string
	f    func(int) int
}

func fold(xs []int, init int, op IntOp) int {
	acc := init
	for _, x := range xs {
		acc = op(acc, x)
	}
	return acc
}

func filter(xs []int, p Pred) []int {
	var out []int
	for _, x := range xs {
		if p(x) {
			out = append(out, x)
		}
	}
	return out
}

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func twice(f func(int) int) func(int) int { return compose(f, f) }

func add(a, b int) int { return a + b }
func mul(a, b int) int { return a * b }

func pick(name string) IntOp {
	switch name {
	case "add":
		return add
	case "mul":
		return mul
	}
	return func(a, b int) int { return a - b }
}

func main() {
	xs := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	fmt.Println(fold(xs, 0, add), fold(xs, 1, mul), fold(xs, 0, pick("sub")))
	even := func(x int) bool { return x%2 == 0 }
	fmt.Println(filter(xs, even), filter(xs, func(x int) bool { return x > 7 }))
	sq := func(x int) int { return x * x }
	inc := func(x int) int { return x + 1 }
	fmt.Println(mapInts(xs, sq))
	fmt.Println(mapInts(xs, compose(sq, inc)), mapInts(xs, compose(inc, sq)))
	fmt.Println(twice(twice(inc))(0), twice(sq)(3))
	ops := []IntOp{add, mul, pick("x")}
	for _, op := range ops {
		fmt.Print(op(7, 3), " ")
	}
	fmt.Println()
	var nf func(int) int
	fmt.Println(nf == nil, sq != nil)
	fmt.Printf("%T %T %T\n", sq, even, ops[0])
	table := []Entry{{"sq", sq}, {"inc", inc}, {"both", compose(inc, sq)}}
	for _, t := range table {
		fmt.Println(t.name, t.f(4))
	}
}
