package main

import "fmt"

type P struct {
	X, Y int
	S    string
}

type Q struct {
	P P
	B bool
}

func (p P) Sum() int { return p.X + p.Y }
func (p *P) Inc()    { p.X++ }

func main() {
	a := P{1, 2, "a"}
	b := P{1, 2, "a"}
	fmt.Println(a == b, a != b, a == P{}, Q{a, true} == Q{b, true})
	var x any = a
	fmt.Println(x == any(b))
	s := &[]int{1, 2, 3}
	fmt.Println(len(*s), (*s)[1], s)
	f := P.Sum
	fmt.Println(f(a))
	g := (*P).Inc
	g(&a)
	fmt.Println(a)
	h := (*P).Sum
	fmt.Println(h(&a))
	xs := []any{1, "two", 3}
	fmt.Println(xs...)
	fmt.Print(xs...)
	fmt.Println()
	fmt.Printf("%v-%v-%v\n", xs...)
	str := fmt.Sprint(xs...)
	fmt.Println(str, fmt.Sprintln(xs...))
	e := fmt.Errorf("%d %s %d", xs...)
	fmt.Println(e)
}
