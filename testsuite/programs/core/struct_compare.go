package main

import "fmt"

type S struct {
	A int
	X any
	B int
}

type Bad struct {
	N  int
	Xs []int
}

type Pt struct{ X, Y int }

type Line struct {
	A, B Pt
	Name string
}

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	a := S{1, []int{1}, 2}
	b := S{2, []int{1}, 2}
	fmt.Println(a == b, a != b)
	c := S{1, []int{1}, 2}
	var x, y any = a, b
	fmt.Println(x == y)
	try(func() { fmt.Println(a == c) })
	var p, q any = Bad{1, nil}, Bad{2, nil}
	try(func() { fmt.Println(p == q) })
	l1 := Line{Pt{1, 2}, Pt{3, 4}, "l"}
	l2 := Line{Pt{1, 2}, Pt{3, 4}, "l"}
	fmt.Println(l1 == l2, l1 != l2, l1.A == l2.B, l1 == Line{}, Line{} == Line{})
	l2.Name = "m"
	fmt.Println(l1 == l2)
	pts := []Pt{{1, 2}, {3, 4}, {1, 2}}
	for i, pt := range pts {
		if pt == (Pt{1, 2}) {
			fmt.Println("found at", i)
		}
	}
	switch pts[1] {
	case Pt{1, 2}:
		fmt.Println("one-two")
	case Pt{3, 4}:
		fmt.Println("three-four")
	}
	var e1, e2 any = Pt{1, 2}, Pt{1, 2}
	fmt.Println(e1 == e2, e1 == any(Pt{2, 1}), e1 == Pt{1, 2})
	pp := &Pt{1, 2}
	fmt.Println(*pp == pts[0], pp == &pts[0])
	type local struct{ s string }
	fmt.Println(local{"a"} == local{"a"}, local{"a"} == local{"b"})
	s := &[]int{1, 2, 3}
	(*s)[0] = 9
	*s = append(*s, 4)
	fmt.Println(len(*s), (*s)[0], s, *s)
	ss := &[]string{}
	fmt.Println(ss, len(*ss))
}
