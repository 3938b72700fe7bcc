// Appends to local slices that do not escape: gc (1.25+) gives the first append site
// of each a 32-byte stack backing store (cap 32/elemsize) when it grows an empty slice.
package main

import "fmt"

type P struct{ A, B int }
type T3 struct{ A, B, C int }
type T4 struct{ A, B, C, D int }
type T5 struct{ A, B, C, D, E int }
type Small struct {
	A int32
	B byte
}

func types() {
	var a []int
	a = append(a, 1)
	fmt.Println("int", len(a), cap(a))
	var b []byte
	b = append(b, 1, 2, 3)
	fmt.Println("byte", len(b), cap(b))
	var s []string
	s = append(s, "x")
	fmt.Println("string", len(s), cap(s), s[0])
	var p []P
	p = append(p, P{1, 2})
	fmt.Println("pair", len(p), cap(p), p[0].A)
	var t3 []T3
	t3 = append(t3, T3{})
	fmt.Println("t3", len(t3), cap(t3))
	var t4 []T4
	t4 = append(t4, T4{})
	fmt.Println("t4", len(t4), cap(t4))
	var t5 []T5
	t5 = append(t5, T5{})
	fmt.Println("t5", len(t5), cap(t5))
	var sm []Small
	sm = append(sm, Small{1, 2})
	fmt.Println("small", len(sm), cap(sm))
	var ss [][]int
	ss = append(ss, nil)
	fmt.Println("slices", len(ss), cap(ss))
	var ps []*int
	ps = append(ps, nil)
	fmt.Println("ptrs", len(ps), cap(ps))
	var as []any
	as = append(as, 1)
	fmt.Println("any", len(as), cap(as))
	var es []error
	es = append(es, nil)
	fmt.Println("error", len(es), cap(es))
	var bs []bool
	bs = append(bs, true)
	fmt.Println("bool", len(bs), cap(bs))
	var rs []int32
	rs = append(rs, 1)
	fmt.Println("int32", len(rs), cap(rs))
	var fs []func()
	fs = append(fs, nil)
	fmt.Println("func", len(fs), cap(fs))
	var u []uint64
	u = append(u, 1, 2, 3, 4, 5)
	fmt.Println("five", len(u), cap(u))
	var u2 []int
	u2 = append(u2, 1, 2, 3, 4)
	fmt.Println("four", len(u2), cap(u2))
	u2 = append(u2, 5)
	fmt.Println("four+1", len(u2), cap(u2))
}

func shapes() {
	s1 := []int{}
	s1 = append(s1, 1)
	fmt.Println("lit0", len(s1), cap(s1))
	s2 := make([]int, 0)
	s2 = append(s2, 1)
	fmt.Println("make0", len(s2), cap(s2))
	s3 := make([]int, 0, 2)
	s3 = append(s3, 1, 2)
	fmt.Println("make02", len(s3), cap(s3))
	s3 = append(s3, 3)
	fmt.Println("make02+", len(s3), cap(s3))
	s4 := []int{1, 2}
	s4 = append(s4, 3)
	fmt.Println("lit2", len(s4), cap(s4))
	s5 := make([]int, 1)
	s5 = append(s5, 3)
	fmt.Println("make1", len(s5), cap(s5))
	var s6 []int
	s6 = append(s6, 1)
	s6 = append(s6, 2)
	s6 = nil
	s6 = append(s6, 1)
	fmt.Println("second site", len(s6), cap(s6))
	var s7 []int
	for i := 0; i < 3; i++ {
		s7 = nil
		s7 = append(s7, i)
		fmt.Println("loop reset", len(s7), cap(s7))
	}
	for i := 0; i < 3; i++ {
		var s8 []byte
		s8 = append(s8, byte(i))
		fmt.Println("loop decl", len(s8), cap(s8))
	}
	var s9 []int
	s9 = append(s9, 1, 2, 3)
	s9 = s9[:0]
	s9 = append(s9, 7)
	fmt.Println("reslice", len(s9), cap(s9), s9[0], s9[:cap(s9)][1], s9[:cap(s9)][3])
	var s10 []int
	if s10 == nil {
		fmt.Println("nil")
	}
	s10 = append(s10, 1)
	if s10 != nil {
		fmt.Println("not nil", cap(s10))
	}
	var s11 []int
	dst := make([]int, 3)
	s11 = append(s11, 4, 5)
	n := copy(dst, s11)
	copy(s11, []int{9})
	fmt.Println("copy", n, dst, s11[0], s11[1], cap(s11))
	var s12 []int
	s12 = append(s12, 1)
	s12 = append(s12, s12...)
	s12 = append(s12, s12...)
	s12 = append(s12, s12...)
	fmt.Println("spread", len(s12), cap(s12))
	var s13 []byte
	s13 = append(s13, "hello"...)
	s13 = append(s13, '!')
	fmt.Println("spread first", len(s13), cap(s13), string(s13[0]))
	var s14 []int
	s14 = append(s14, 1)
	s14[0] = 42
	s14[0]++
	s14[0] += 2
	fmt.Println("index", s14[0], cap(s14))
}

func main() {
	types()
	shapes()
}
