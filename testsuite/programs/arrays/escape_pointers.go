package main

import "fmt"

type holder struct {
	ps [2]*int
}

func keep() *int {
	var ps [2]*int
	x := 1
	ps[0] = &x
	i := 0
	return ps[i]
}

func keep2() [2]*int {
	var ps [2]*int
	y := 5
	ps[1] = &y
	return ps
}

func keep3() *holder {
	h := holder{}
	z := 7
	h.ps[0] = &z
	return &h
}

func churn() {
	var all [][]int
	for i := 0; i < 300; i++ {
		all = append(all, make([]int, 32))
	}
	_ = all
}

func main() {
	p := keep()
	q := keep2()
	h := keep3()
	churn()
	*p += 10
	fmt.Println(*p, *q[1], *h.ps[0])
}
