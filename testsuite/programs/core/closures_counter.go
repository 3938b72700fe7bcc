package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func pair() (func(), func() int) {
	x := 0
	inc := func() { x += 10 }
	get := func() int { return x }
	return inc, get
}

func adder(base int) func(int) int {
	return func(d int) int {
		base += d
		return base
	}
}

func main() {
	c1 := counter()
	c2 := counter()
	fmt.Println(c1(), c1(), c1(), c2(), c1(), c2())
	f := fibGen()
	for i := 0; i < 15; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	inc, get := pair()
	inc()
	inc()
	fmt.Println(get())
	inc()
	fmt.Println(get())
	ad := adder(100)
	fmt.Println(ad(1), ad(2), ad(-50))
	total := 0
	sum := func(xs []int) {
		for _, x := range xs {
			total += x
		}
	}
	sum([]int{1, 2, 3})
	sum([]int{4})
	fmt.Println(total)
	var rec func(int) int
	rec = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * rec(n-1)
	}
	fmt.Println(rec(10), rec(20))
	gens := []func() int{counter(), counter(), fibGen()}
	for round := 0; round < 3; round++ {
		for _, g := range gens {
			fmt.Print(g(), " ")
		}
	}
	fmt.Println()
	nested := func() func() int {
		y := 5
		return func() int {
			y *= 2
			return y
		}
	}()
	fmt.Println(nested(), nested(), nested())
}
