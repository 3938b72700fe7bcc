package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }
func (c Counter) Get() int { return c.n }

//go:noinline
func outer() func() int {
	x := 0
	y := 10
	inc := func() int {
		x++
		return func() int {
			return x + y
		}()
	}
	var c Counter
	c.Inc()
	_ = &y
	return inc
}

func named() (r int, err error) {
	defer func() {
		if e := recover(); e != nil {
			r = -1
		}
	}()
	return 1, nil
}

func main() {
	f := outer()
	fmt.Println(f(), f())
	for i := range 3 {
		defer func() { fmt.Println(i) }()
	}
	fmt.Println(named())
}
