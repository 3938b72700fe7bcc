package main

import "fmt"

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func swap(a, b string) (string, string) { return b, a }

func three() (int, string, bool) { return 1, "two", true }

func sum2(a, b int) int { return a + b }

func viaReturn() (int, int) { return divmod(100, 7) }

func minmax(xs []int) (lo int, hi int) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	return
}

func describe(n int, s string, b bool) string {
	return fmt.Sprint(n, "/", s, "/", b)
}

func lookup(xs []string, want string) (int, bool) {
	for i, x := range xs {
		if x == want {
			return i, true
		}
	}
	return -1, false
}

func main() {
	fmt.Println(divmod(7, 3))
	fmt.Println(divmod(-7, 3))
	q, r := divmod(22, 5)
	fmt.Println(q, r)
	fmt.Println(sum2(divmod(17, 5)))
	fmt.Println(viaReturn())
	fmt.Println(swap("a", "b"))
	a, b := swap(swap("x", "y"))
	fmt.Println(a, b)
	fmt.Println(three())
	fmt.Println(describe(three()))
	n, s, ok := three()
	fmt.Println(n, s, ok)
	_, r2 := divmod(50, 8)
	fmt.Println(r2)
	fmt.Println(minmax([]int{5, -3, 9, 0, 12, -8}))
	words := []string{"a", "bb", "ccc"}
	if i, found := lookup(words, "bb"); found {
		fmt.Println("found at", i)
	}
	if _, found := lookup(words, "zz"); !found {
		fmt.Println("not found")
	}
	fmt.Print(divmod(9, 4))
	fmt.Println()
	str := fmt.Sprintln(divmod(1000, 33))
	fmt.Print(str)
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
}
