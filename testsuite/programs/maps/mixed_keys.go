package main

import "fmt"

type shape interface{ area() int }

type sq struct{ s int }

func (q sq) area() int { return q.s * q.s }

type grid [2][2]int

func main() {
	seen := map[[2]int]string{}
	seen[[2]int{1, 2}] = "a"
	seen[[2]int{2, 1}] = "b"
	seen[[2]int{1, 2}] += "c"
	fmt.Println(len(seen), seen[[2]int{1, 2}], seen)

	g := map[grid]int{}
	g[grid{{1, 0}, {0, 1}}]++
	g[grid{{1, 0}, {0, 1}}]++
	fmt.Println(g)

	areas := map[shape]int{}
	for i := 1; i <= 3; i++ {
		var s shape = sq{i % 2}
		areas[s] += s.area()
	}
	fmt.Println(len(areas), areas[sq{1}], areas[sq{0}])

	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var k any = [1][]int{{1}}
		defer func() { fmt.Println("again:", recover()) }()
		m := map[any]int{1: 1}
		m[k] = 2
	}()
	var k any = []int{1}
	m := map[any]bool{"x": true}
	m[k] = true
}
