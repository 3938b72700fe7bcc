package main

import "fmt"

type Point struct{ X, Y int }

func twice(n int) int { return 2 * n }

func main() {
	// Go 1.26: new with an expression allocates a variable holding its value.
	p := new(42)
	q := new("hello")
	x := 3
	r := new(x * 2)
	s := new(twice(x))
	b := new(x > 2)
	pt := new(Point{1, 2})
	sl := new([]int{1, 2, 3})
	fmt.Println(*p, *q, *r, *s, *b, *pt, *sl)
	fmt.Printf("%T %T %T %T\n", p, q, pt, sl)

	// Each call makes a distinct variable.
	a1, a2 := new(x), new(x)
	*a1 = 10
	fmt.Println(*a1, *a2, x, a1 == a2)

	// The operand is evaluated once, when new runs.
	ptrs := []*int{}
	for i := range 3 {
		ptrs = append(ptrs, new(i*i))
	}
	for _, v := range ptrs {
		fmt.Print(*v, " ")
	}
	fmt.Println()

	var e error = fmt.Errorf("boom")
	pe := new(e)
	fmt.Println((*pe).Error())
	f := new(twice)
	fmt.Println((*f)(21))
	var u8 uint8 = 200
	pu := new(u8 + 100)
	fmt.Println(*pu)
}
