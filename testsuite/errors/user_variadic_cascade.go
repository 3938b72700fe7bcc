package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func first(xs ...string) (s string, ok bool) {
	if len(xs) == 0 {
		return
	}
	return xs[0], true
}

func main() {
	s, ok := first("a")
	println(sum(1, 2), len(keys(nil)), s, ok)
}
