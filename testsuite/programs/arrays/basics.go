package main

import "fmt"

type point struct {
	x, y int
	tags [2]string
}

type grid [3][3]int

func sum(a [4]int) (t int) {
	for _, v := range a {
		t += v
	}
	return
}

func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func main() {
	var a [4]int
	a[1] = 2
	b := [4]int{1, 2, 3, 4}
	c := [...]string{"x", "y", 4: "z"}
	fmt.Println(a, b, c, len(c), cap(b))
	fmt.Printf("%v %d %q %T %T\n", b, b, c, c, &b)
	d := b
	d[0] = 100
	fmt.Println(b, d, b == d, b != d, sum(b), double(b), b)
	p := &b
	p[2] = 30
	fmt.Println(b, len(p), p[2], *p)
	s := b[1:3]
	s[0] = 77
	fmt.Println(b, s, len(s), cap(s))
	s2 := p[:]
	s2[3] = -1
	fmt.Println(b, len(b[:2]), cap(b[1:2:3]))
	var g grid
	g[1][2] = 5
	g[2] = [3]int{7, 8, 9}
	fmt.Println(g, g[1], len(g[0]))
	pts := [2]point{{x: 1}, {y: 2, tags: [2]string{"a", "b"}}}
	pts[0].tags[1] = "q"
	fmt.Printf("%v %+v\n", pts, pts[1])
	for i, v := range b {
		b[3] = 1000
		fmt.Println(i, v)
	}
	fmt.Println(b)
	var e any = b
	var f any = [4]int{1, 77, 30, 1000}
	fmt.Println(e == f, e)
	bs := [5]byte{'h', 'e', 'l', 'l', 'o'}
	fmt.Printf("%s %x %v %q\n", bs, bs, bs, bs)
	i := 5
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(b[i%4])
	fmt.Println(b[i])
}
