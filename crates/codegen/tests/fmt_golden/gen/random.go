package main

import (
	"errors"
	"math/rand"
)

// random emits n random Sprintf/Errorf rows (and Sprint/Sprintln rows) from
// a fixed seed, to cross-check flag, width, precision and verb combinations.
func random(n int) {
	rng := rand.New(rand.NewSource(1))
	var nilSlice []int
	var nilPtr *T
	var nilFunc func(int) int
	var nilAny any
	e1 := errors.New("boom")
	in := &Inner{3, 4}
	pool := []any{0, 1, -1, 42, -255, int64(-9223372036854775808), int32(-7), uint8(200), uint(7), uint64(18446744073709551615),
		Celsius(-3), U8(9), Small(5), true, false, Flag(true), "", "hi", "héllo", "a\nb\t\"q\"", "\xff\xfe", "日本語", Name("nm"), "`x`", "\u200b\ufeff",
		[]byte("hi"), []byte{}, []byte(nil), []U8{65}, []int{1, -2}, nilSlice, [][]int{{1}, nil}, []string{"a", "b c"}, []any{1, "x", nil, e1},
		T{1, "hi"}, &T{2, "yo"}, nilPtr, in, []*Inner{in, nil}, nilFunc, nilAny, e1, MyErr(3), SErr("s"), &PErr{4}, Str{5}, []error{e1, nil},
		Outer{Name: "o", P: in, Any: MyErr(1), err: e1, Err: e1}, []Str{{1}}, struct{ s []Str; S []Str }{[]Str{{1}}, []Str{{2}}}, &List{1, &List{2, nil}}, []any{[]byte("x"), Str{3}, &T{}}, Name("a\nb"), [][]byte{[]byte("ab")}, struct{ e MyErr; E MyErr }{1, 2}, 0x1F600, 'x', 0xD800, 128}
	verbs := []string{"v", "v", "d", "s", "q", "x", "X", "t", "T", "c", "b", "o", "O", "U", "w", "z", "%"}
	flags := []string{"", "", "", "-", "+", "#", " ", "0", "-0", "+0", "# ", "#0", "+#", " 0"}
	widths := []string{"", "", "", "5", "1", "12", "*", "0", "3"}
	precs := []string{"", "", "", ".", ".0", ".2", ".5", ".*", ".10"}
	for ; n > 0; n-- {
		var format string
		var args []any
		k := 1 + rng.Intn(3)
		for j := 0; j < k; j++ {
			w := widths[rng.Intn(len(widths))]
			pr := precs[rng.Intn(len(precs))]
			if w == "*" {
				args = append(args, []any{3, -4, "x", 7}[rng.Intn(4)])
			}
			if pr == ".*" {
				args = append(args, []any{2, -1, 0}[rng.Intn(3)])
			}
			format += "|%" + flags[rng.Intn(len(flags))] + w + pr + verbs[rng.Intn(len(verbs))]
			args = append(args, pool[rng.Intn(len(pool))])
		}
		if rng.Intn(10) == 0 {
			args = append(args, pool[rng.Intn(len(pool))])
		}
		if rng.Intn(10) == 0 && len(args) > 0 {
			args = args[:len(args)-1]
		}
		if rng.Intn(4) == 0 {
			ce(format, args...)
		} else {
			cf(format, args...)
		}
		a := pool[rng.Intn(len(pool))]
		b := pool[rng.Intn(len(pool))]
		cp(a, b, a)
		cl(a, b)
	}
}
