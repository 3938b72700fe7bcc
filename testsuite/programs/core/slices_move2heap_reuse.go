// slice.go's move2heap with growsliceBuf: reslicing to the front (s = s[:0]) and
// dropping the head (s = s[1:]) inside the store, a transition in a multi-value
// return, and a slice built from ranging over another that moved to the heap.
package main

import (
	"errors"
	"fmt"
)

//go:noinline
func reuse(n int) []string {
	var s []string
	for k := 0; k < 3; k++ {
		s = s[:0]
		for i := 0; i < n+k; i++ {
			s = append(s, fmt.Sprint(i))
		}
	}
	return s
}

//go:noinline
func withErr(n int) ([]byte, error) {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, 'a'+byte(i))
	}
	if n > 50 {
		return nil, errors.New("big")
	}
	return b, nil
}

//go:noinline
func shift(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		if len(s) > 2 {
			s = s[1:]
		}
	}
	return s
}

//go:noinline
func rangeCopy(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i*i)
	}
	var out []int
	for _, v := range s {
		out = append(out, v)
	}
	return out
}

func main() {
	for _, n := range []int{0, 1, 2, 3, 5, 20} {
		r := reuse(n)
		b, err := withErr(n)
		sh := shift(n)
		rc := rangeCopy(n)
		fmt.Println(n, len(r), cap(r), r, string(b), cap(b), err, sh, cap(sh), rc, cap(rc))
	}
}
