package main

import (
	"errors"
	"fmt"
)

var keep []*int
var later []func() string

func named() (n int) {
	defer func() {
		n *= 3
	}()
	n = 4
	return n + 1
}

func wrap(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

func afterRecover() (s string) {
	x := 1
	p := &x
	defer func() {
		*p += 100
		s = fmt.Sprint("after recover x=", x, " p=", *p)
	}()
	defer func() {
		recover()
		x = 20
	}()
	panic("boom")
}

func leakInDefer() (out *int) {
	y := 5
	defer func() {
		keep = append(keep, &y)
		out = &y
	}()
	y = 6
	return nil
}

func loopDefers() (log string) {
	for i := 0; i < 3; i++ {
		v := i * 2
		defer func() {
			log += fmt.Sprint(i, ":", v, " ")
		}()
	}
	return "start "
}

func loopDeferStore() {
	for i := 0; i < 3; i++ {
		defer func() {
			later = append(later, func() string { return fmt.Sprint("later", i) })
		}()
	}
}

func depth(n int, c *int) {
	*c++
	defer func() { *c-- }()
	if n > 0 {
		depth(n-1, c)
	}
	if n == 2 {
		fmt.Println("at 2, count", *c)
	}
}

func errorsDefer() (err error) {
	base := errors.New("base")
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	return base
}

func clobber(d int) int {
	a, b, c, e := d, d*2, d*3, d*4
	f := func() int { return a + b + c + e }
	if d == 0 {
		return f()
	}
	return clobber(d-1) + f()
}

func main() {
	fmt.Println(named())
	fmt.Println(wrap(func() { panic("inner") }))
	fmt.Println(wrap(func() {}))
	fmt.Println(afterRecover())
	p := leakInDefer()
	fmt.Println(clobber(10), *p, *keep[0])
	*p = 9
	fmt.Println(*keep[0])
	fmt.Println(loopDefers())
	loopDeferStore()
	for _, f := range later {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	c := 0
	depth(4, &c)
	fmt.Println("count", c)
	fmt.Println(errorsDefer())
}
