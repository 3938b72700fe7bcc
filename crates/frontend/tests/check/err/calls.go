package main

type T struct{ a, b int }

func f(a int, s string) int { return a }
func g() (int, string) { return 1, "" }
func h() (int, int) { return 1, 2 }

func main() {
	f(1)
	f(1, "a", 3)
	f(h())
	_ = f(g())
	_ = T{1}
	_ = T{a: 1, 2}
	_ = T{c: 1}
	_ = T{1, 2, 3}
	var x int
	x()
	_ = *x
	_ = &f(1, "")
}

func r1() (int, error) {
	return 1
}

func r2() int {
	return 1, nil
}
