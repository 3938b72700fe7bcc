package main

import "fmt"

type pt struct{ x, y int }

type empty struct{}

// try runs f and prints the runtime error it panics with, if any.
func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	fmt.Println(name, "=", f())
}

func sumRange(s []int) int {
	t := 0
	for i := range s {
		t += s[i]
	}
	return t
}

func sumFrom(s []int, from int) int {
	t := 0
	for i := from; i < len(s); i++ {
		t += s[i]
	}
	return t
}

func sumThrough(s []int) int {
	t := 0
	for i := 0; i <= len(s); i++ {
		t += s[i]
	}
	return t
}

func shrinking(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		s = s[:len(s)-1]
		t += s[i]
	}
	return t
}

func otherBound(s, u []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += u[i]
	}
	return t
}

func bytesOf(str string) int {
	t := 0
	for i := 0; i < len(str); i++ {
		t += int(str[i])
	}
	return t
}

func moveAll(ps []pt, d int) int {
	t := 0
	for i := range ps {
		p := &ps[i]
		p.x += d
		t += p.x + p.y
	}
	return t
}

func empties(es []empty) int {
	n := 0
	for i := range es {
		p := &es[i]
		if p != nil {
			n++
		}
	}
	return n
}

func grid(g [][]int) int {
	t := 0
	for i := 0; i < len(g); i++ {
		for j := 0; j < len(g[i]); j++ {
			t += g[i][j] * (i + 1)
		}
	}
	return t
}

func byTwo(s []int) int {
	t := 0
	for i := 0; i < len(s); i += 2 {
		t += s[i]
	}
	return t
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	try("range", func() int { return sumRange(s) })
	try("from 2", func() int { return sumFrom(s, 2) })
	try("from -1", func() int { return sumFrom(s, -1) })
	try("through", func() int { return sumThrough(s) })
	try("shrinking", func() int { return shrinking([]int{1, 2, 3, 4}) })
	try("other bound", func() int { return otherBound(s, s[:3]) })
	try("bytes", func() int { return bytesOf("defer") })
	try("move", func() int { return moveAll([]pt{{1, 2}, {3, 4}}, 10) })
	try("empties", func() int { return empties(make([]empty, 3)) })
	try("grid", func() int { return grid([][]int{{1, 2}, {3}, {}}) })
	try("by two", func() int { return byTwo(s) })
	try("nil range", func() int { return sumRange(nil) })
}
