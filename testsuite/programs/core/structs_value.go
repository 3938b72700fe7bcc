package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

type Local struct {
	A int
	B string
	C bool
}

func moved(p Point, dx int) Point {
	p.X += dx
	return p
}

func (r Rect) Area() int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q)
	r := moved(p, 5)
	fmt.Println(p, r)
	var zero Point
	fmt.Println(zero)
	fmt.Printf("%v %+v\n", p, p)
	rect := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Name: "r1"}
	fmt.Println(rect, rect.Area())
	fmt.Printf("%+v\n", rect)
	r2 := rect
	r2.Max.X = 10
	r2.Name = "r2"
	fmt.Println(rect.Area(), r2.Area(), rect.Name, r2.Name)
	pts := []Point{{1, 1}, {2, 4}, {3, 9}}
	for _, pt := range pts {
		pt.Y = 0
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].Y = -pts[i].Y
	}
	fmt.Println(pts)
	cp := make([]Point, len(pts))
	copy(cp, pts)
	cp[0].X = 100
	fmt.Println(pts[0], cp[0])
	partial := Rect{Name: "partial"}
	fmt.Printf("%+v %v\n", partial, partial)
	l := Local{A: 1, C: true}
	fmt.Printf("%v %+v\n", l, l)
	a, b := Point{1, 2}, Point{3, 4}
	a, b = b, a
	fmt.Println(a, b)
}
