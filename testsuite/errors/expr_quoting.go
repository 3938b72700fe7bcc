package main

func main() {
	x := 1
	y := "a"
	_ = x + y*2 - 3<<1
	_ = -x + y
	_ = (x + 1) * y
	_ = x == y && true
	_ = f(1, 2)[0] + y
	_ = x.(int) + y
	_ = []int{1, 2}[0] + y
	_ = !true + y
	_ = x[1:2] + y
	_ = &x + y
	_ = *(&x) + y
	_ = func() int { return 1 }() + y
	_ = struct{}{} + y
}

func f(a, b int) []int { return nil }
