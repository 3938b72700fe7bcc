package main

import "fmt"

func grow(xs ...int) []int {
	xs = append(xs, 99)
	return xs
}

func rec(n int, acc ...int) []int {
	if n == 0 {
		return acc
	}
	return rec(n-1, append(acc, n)...)
}

func apply(f func(...int) int, xs ...int) int { return f(xs...) }

func count(xs ...int) int { return len(xs) }

func pairs(ps ...[2]int) (t int) {
	for _, p := range ps {
		t += p[0] * p[1]
	}
	return
}

func run(fs ...func() string) {
	for _, f := range fs {
		defer fmt.Println("ran", f())
	}
}

func anys(xs ...any) {
	fmt.Println(len(xs), xs == nil, xs)
}

func main() {
	s := make([]int, 2, 4)
	g := grow(s...)
	g[0] = 5
	fmt.Println(s, g, s[:3])
	h := grow(1, 2)
	fmt.Println(h, len(h), cap(h) >= 3)
	fmt.Println(rec(4))
	fmt.Println(apply(count), apply(count, 1, 2), apply(func(xs ...int) int { return -len(xs) }, 7))
	fmt.Println(pairs(), pairs([2]int{2, 3}, [2]int{4, 5}))
	run(func() string { return "a" }, func() string { return "b" })
	anys(nil)
	anys(nil...)
	anys()
}
