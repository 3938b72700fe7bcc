package main

type S struct {
	A []int
}

type T struct {
	s S
}

func main() {
	a, b := S{}, S{}
	println(a == b)
	c, d := T{}, T{}
	println(c != d)
	var x any = a
	println(x == x)
}
