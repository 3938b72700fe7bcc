package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{3, -4}
	fmt.Println("point", p)
	panic(fmt.Sprintf("bad point %v (%+v) at %d", p, p, p.X*p.Y))
}
