package main

import "fmt"

type S struct {
	A any
	B int
}

type U struct {
	N string
	A any
	M int
}

func try(f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("panic:", r)
		}
	}()
	fmt.Println(f())
}

func main() {
	try(func() bool { return S{[]int{}, 1} == S{[]int{}, 2} })
	try(func() bool { return S{[]int{}, 1} == S{[]int{}, 1} })
	try(func() bool { return S{[]int{}, 1} == S{"x", 1} })
	try(func() bool { var a, b any = S{[]int{}, 1}, S{[]int{}, 2}; return a == b })
	try(func() bool { var a, b any = U{"a", []int{}, 1}, U{"b", []int{}, 1}; return a == b })
	try(func() bool { return U{"a", []int{}, 1} == U{"b", []int{}, 1} })
	try(func() bool { return U{"a", func() {}, 1} == U{"a", func() {}, 2} })
	try(func() bool { var a, b any = U{"a", func() {}, 1}, U{"a", func() {}, 2}; return a == b })
	try(func() bool { var f any = func() {}; return f == f })
	try(func() bool { var f any = func() {}; return f != nil })
	try(func() bool { var f any = func() {}; return f == any(1) })
}
