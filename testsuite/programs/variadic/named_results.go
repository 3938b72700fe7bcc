package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func first(xs ...string) (s string, ok bool) {
	if len(xs) == 0 {
		return
	}
	return xs[0], true
}

func main() {
	s, ok := first("a")
	println(sum(1, 2), s, ok)
}
