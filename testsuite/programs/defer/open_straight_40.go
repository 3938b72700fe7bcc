package main

import "fmt"

// Forty straight defers in one function (well past gc's limit of eight open-coded ones),
// with arguments that change between them, a few closures and conditional defers, on the
// normal path and when a panic strikes after the 36th. Each call must run exactly once,
// last first, with the argument its defer statement saw.

var trace []int

func t(k int) { trace = append(trace, k) }

func forty(x int, fail bool) (total int) {
	defer func() {
		if r := recover(); r != nil {
			total = -total
		}
	}()
	defer t(1*1000 + x)
	x++
	defer t(2*1000 + x)
	x++
	defer t(3*1000 + x)
	x++
	defer t(4*1000 + x)
	x++
	if x%2 == 1 {
		defer t(5*1000 + x)
	}
	x++
	defer t(6*1000 + x)
	x++
	defer t(7*1000 + x)
	x++
	defer func() { total += x; t(-8) }()
	x++
	defer t(9*1000 + x)
	x++
	defer t(10*1000 + x)
	x++
	defer t(11*1000 + x)
	x++
	defer t(12*1000 + x)
	x++
	defer t(13*1000 + x)
	x++
	defer t(14*1000 + x)
	x++
	if x%2 == 1 {
		defer t(15*1000 + x)
	}
	x++
	defer func() { total += x; t(-16) }()
	x++
	defer t(17*1000 + x)
	x++
	defer t(18*1000 + x)
	x++
	defer t(19*1000 + x)
	x++
	defer t(20*1000 + x)
	x++
	defer t(21*1000 + x)
	x++
	defer t(22*1000 + x)
	x++
	defer t(23*1000 + x)
	x++
	defer func() { total += x; t(-24) }()
	x++
	if x%2 == 1 {
		defer t(25*1000 + x)
	}
	x++
	defer t(26*1000 + x)
	x++
	defer t(27*1000 + x)
	x++
	defer t(28*1000 + x)
	x++
	defer t(29*1000 + x)
	x++
	defer t(30*1000 + x)
	x++
	defer t(31*1000 + x)
	x++
	defer func() { total += x; t(-32) }()
	x++
	defer t(33*1000 + x)
	x++
	defer t(34*1000 + x)
	x++
	if x%2 == 1 {
		defer t(35*1000 + x)
	}
	x++
	defer t(36*1000 + x)
	x++
	if fail {
		panic("after 36")
	}
	defer t(37*1000 + x)
	x++
	defer t(38*1000 + x)
	x++
	defer t(39*1000 + x)
	x++
	defer func() { total += x; t(-40) }()
	x++
	return x
}

func main() {
	for _, x := range []int{0, 1} {
		for _, fail := range []bool{false, true} {
			total := forty(x, fail)
			fmt.Println("x", x, "fail", fail, "total", total, "calls", len(trace))
			fmt.Println(trace)
			trace = trace[:0]
		}
	}
}
