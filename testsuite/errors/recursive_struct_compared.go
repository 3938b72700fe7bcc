package main

type S struct {
	s S
}

func main() {
	a, b := S{}, S{}
	println(a == b)
}
