package main

import "fmt"

func double() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func order() (s string) {
	defer func() { s += "-d1" }()
	defer func() { s += "-d2" }()
	s = "assigned"
	return "returned"
}

func unnamed() int {
	x := 5
	defer func() { x = 100 }()
	return x
}

func multi() (a int, b string) {
	defer func() {
		a++
		b = b + "!"
	}()
	return 1, "one"
}

func viaCall() (n int) {
	defer inc(&n)
	return 10
}

func inc(p *int) { *p += 5 }

func bare() (x, y int) {
	defer func() { x, y = y, x }()
	x, y = 1, 2
	return
}

func returnG() (r int) {
	defer func() { r += 1000 }()
	return g()
}

func g() int { return 7 }

func reads() (r int) {
	defer func() {
		fmt.Println("deferred sees r =", r)
	}()
	r = 1
	return r + 1
}

func main() {
	fmt.Println(double())
	fmt.Println(order())
	fmt.Println(unnamed())
	fmt.Println(multi())
	fmt.Println(viaCall())
	fmt.Println(bare())
	fmt.Println(returnG())
	fmt.Println(reads())
	total := 0
	for i := 0; i < 10; i++ {
		total += double()
	}
	fmt.Println(total)
}
