package main

import "fmt"

func counter() (n int) {
	defer func() {
		fmt.Println("deferred closure sees n =", n)
	}()
	for i := 0; i < 5; i++ {
		n += i
	}
	return n * 2
}

func main() {
	x := 1
	defer func() { fmt.Println("closure x =", x) }()
	defer func(v int) { fmt.Println("param v =", v, "closure x =", x) }(x)
	x = 10
	s := "start"
	defer func() { fmt.Println("closure s =", s) }()
	s += "-middle"
	s += "-end"
	fmt.Println(counter())
	ptr := &x
	defer func() { fmt.Println("through pointer", *ptr) }()
	x = 42
	total := 0
	for i := range 4 {
		defer func() { total += i; fmt.Println("loop closure i =", i, "total =", total) }()
	}
	total = 1000
	fmt.Println("main returns")
}
