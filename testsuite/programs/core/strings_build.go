package main

import "fmt"

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

func itoa(n int, base int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	s := ""
	for u > 0 {
		d := u % uint64(base)
		s = digits[d:d+1] + s
		u /= uint64(base)
	}
	if neg {
		s = "-" + s
	}
	return s
}

func pad(s string, w int) string {
	for len(s) < w {
		s = " " + s
	}
	return s
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func reverse(s string) string {
	out := ""
	for i := range len(s) {
		out = s[i:i+1] + out
	}
	return out
}

func join(parts []string, sep string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func isPal(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}

func main() {
	for _, n := range []int{0, 7, -42, 255, 1000000, -9223372036854775807} {
		fmt.Println(itoa(n, 10), itoa(n, 2), itoa(n, 16), itoa(n, 36))
	}
	for i := 1; i <= 5; i++ {
		fmt.Println(pad(repeat("*", i), 6) + "|")
	}
	fmt.Println(reverse("stressed"), reverse(""), reverse("a"))
	fmt.Println(join([]string{"a", "b", "c"}, ", "), join(nil, "-"), join([]string{"x"}, "-"))
	for _, w := range []string{"racecar", "abba", "abc", "", "x", "noon moon"} {
		fmt.Printf("%q palindrome=%t\n", w, isPal(w))
	}
	tbl := ""
	for i := 1; i <= 4; i++ {
		row := ""
		for j := 1; j <= 4; j++ {
			row += pad(itoa(i*j, 10), 4)
		}
		tbl += row + "\n"
	}
	fmt.Print(tbl)
}
