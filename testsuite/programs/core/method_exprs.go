package main

import "fmt"

type P struct{ X, Y int }

func (p P) Sum() int            { return p.X + p.Y }
func (p P) Scale(k int) P       { return P{p.X * k, p.Y * k} }
func (p *P) Inc()               { p.X++ }
func (p *P) Add(dx, dy int) int { p.X += dx; p.Y += dy; return p.X + p.Y }

type Num int

func (n Num) Double() Num { return n * 2 }

func apply(f func(P) int, ps []P) []int {
	var out []int
	for _, p := range ps {
		out = append(out, f(p))
	}
	return out
}

func main() {
	a := P{1, 2}
	f := P.Sum
	fmt.Println(f(a), P.Sum(a), P.Scale(a, 3))
	g := (*P).Inc
	g(&a)
	fmt.Println(a)
	h := (*P).Sum
	fmt.Println(h(&a), (*P).Scale(&a, 2))
	fmt.Println((*P).Add(&a, 10, 20), a)
	fmt.Println(apply(P.Sum, []P{{1, 1}, {2, 3}}))
	fmt.Printf("%T %T %T\n", f, g, (*P).Add)
	fmt.Println(Num.Double(21))
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var np *P
	fmt.Println(h(np))
}
