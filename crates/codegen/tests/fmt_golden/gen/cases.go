package main

import (
	"errors"
	"fmt"
)

type T struct {
	A int
	B string
}

type Inner struct {
	X, Y int
}

type Outer struct {
	Name string
	In   Inner
	P    *Inner
	S    []int
	Any  any
	err  error
	Err  error
	f    func()
}

type Celsius int
type Name string
type Flag bool
type Small int32
type U8 uint8
type MyErr int

func (e MyErr) Error() string { return fmt.Sprintf("myerr %d", int(e)) }

type SErr string

func (e SErr) Error() string { return "serr:" + string(e) }

type PErr struct{ Code int }

func (e *PErr) Error() string { return fmt.Sprintf("perr %d", e.Code) }

type Str struct{ N int }

func (s Str) String() string { return fmt.Sprintf("Str<%d>", s.N) }

type List struct {
	V    int
	Next *List
}

func add(a int) int { return a + 1 }

func cases() {
	var nilSlice []int
	var nilBytes []byte
	var nilPtr *T
	var nilFunc func(int) int
	var nilErr error
	var nilAny any
	e1 := errors.New("boom")
	e2 := fmt.Errorf("wrap: %w", e1)
	t := T{1, "hi"}
	in := &Inner{3, 4}
	lst := &List{1, &List{2, nil}}

	// integers
	cf("%d", 42)
	cf("%d", -42)
	cf("%5d|%-5d|%05d", 42, 42, 42)
	cf("%+d % d %+d % d", 5, 5, -5, -5)
	cf("%x %X %o %b %O", 255, 255, 8, 5, 8)
	cf("%#x %#X %#o %#b", 255, 255, 8, 5)
	cf("%x %X", -255, -255)
	cf("%08x|%-8X|%#08x", 255, 255, 255)
	cf("%.3d|%8.3d|%-8.3d|%08.3d", 7, 7, -7, 7)
	cf("%.0d|%5.0d|%d", 0, 0, 0)
	cf("%d %d %d %d", int64(-9223372036854775808), int32(-5), uint64(18446744073709551615), uint8(200))
	cf("%x %o %b", uint64(18446744073709551615), int64(-9223372036854775808), int32(-1))
	cf("%c%c%c|%c|%c", 72, 105, 0x1F600, -1, 0x110000)
	cf("%q %q %q %q %q %q", 'a', '\'', '\n', 0x7f, 0x1F600, 0xD800)
	cf("%+q %#q %q", 0xe9, 'x', -1)
	cf("%U %#U %#U %.6U %#U", 0x41, 0x41, 0x1F600, 0x41, 0x7)
	cf("%5c|%-4q|%08q", 'x', 'y', 'z')
	cf("%v %v", Celsius(-40), Small(7))
	cf("%d %x %s", Celsius(-40), U8(255), Celsius(3))
	cf("%t", 1)
	cf("%s", 42)
	cf("%5t|%-6s", 1, 2)

	// bools
	cf("%t %v %t", true, false, Flag(true))
	cf("%6t|%-6t|%06t", true, false, true)
	cf("%d %s %q %x", true, false, true, false)

	// strings
	cf("%s|%v|%q", "hi", "hi", "hi")
	cf("%8s|%-8s|%08s|%.2s|%5.1s", "hi", "hi", "hi", "hello", "hello")
	cf("%5s|%.2s|%-4s|", "héllo", "日本語", "é")
	cf("%x|%X|% x|%#x|%# X|%.2x|%8x|%-8x|", "hi\xff", "hi", "abc", "abc", "abc", "abcdef", "ab", "ab")
	cf("%x|%5x|", "", "")
	cf("%q", "a\"b\\c\a\b\f\n\r\t\v\x00\x7f")
	cf("%q", "héllo \u200b \ufeff \U0001F600 \xff\xfe end")
	cf("%+q", "héllo \U0001F600 \x01")
	cf("%#q|%#q|%#q|%#q", "plain", "tab\there", "back`tick", "nl\n")
	cf("%10q|%-10q|%.3q", "ab", "ab", "abcdef")
	cf("%d", "hi")
	cf("%s %v %q", Name("bob"), Name("bob"), Name("x\ny"))
	cf("%s", "\xff\xfe invalid")
	cf("%5.2s|%.10s|%.0s|", "\xff\xfe\xfd", "ab", "abc")
	cf("%c", "x")

	// byte slices
	cf("%v|%s|%x|%X|%q|%d", []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"))
	cf("%5v|%-4d|% x|%#x|%.1s|%08s", []byte{1, 2}, []byte{3}, []byte{1, 2, 171}, []byte{1, 2}, []byte("hey"), []byte("ab"))
	cf("%v|%s|%x|%q|%5x|", nilBytes, nilBytes, nilBytes, nilBytes, nilBytes)
	cf("%t", []byte{1})
	cf("%c|%o|%b", []byte("ab"), []byte{8}, []byte{5})
	cf("%v %s", [][]byte{[]byte("a"), nil}, [][]byte{[]byte("a"), []byte("bc")})
	cf("%v|%s", []U8{65, 66}, []U8{65, 66})

	// slices
	cf("%v|%d|%x|%5v|%-3v|", []int{1, 2, 3}, []int{1, 2, 3}, []int{10, 255}, []int{1, 2}, []int{1, 2})
	cf("%v|%v|%d|%s|", nilSlice, []int{}, nilSlice, nilSlice)
	cf("%v|%d", [][]int{{1, 2}, {3}, nil}, [][]int{{1, 2}, {3}})
	cf("%v|%q|%s|%x", []string{"a", "b c"}, []string{"a", "b"}, []string{"a", "b"}, []string{"hi", "yo"})
	cf("%s|%t", []int{1, 2}, []bool{true, false})
	cf("%v|%t|%d", []bool{true, false}, []int{1}, []string{"x"})
	cf("%v|%d|%s", []any{1, "a", nil, true, []int{2}}, []any{1, "a", nil}, []any{nil, 1})
	cf("%v|%+v", []T{{1, "a"}, {2, "b"}}, []T{{1, "a"}})
	cf("%v", []*T{{1, "a"}, nil})
	cf("%s", []*T{{1, "a"}})
	cf("%v|%s|%d", []error{e1, nil, MyErr(2)}, []error{e1}, []error{MyErr(3)})
	cf("%v", []func(int) int{nil})
	cf("%x|%X", []Celsius{10, -10}, []string{"\xff"})

	// structs
	cf("%v|%+v|%d|%s", t, t, t, t)
	cf("%6v|%-6v|%06v", t, t, t)
	cf("%v|%+v|%q|%x", T{}, T{}, t, t)
	cf("%v", Outer{Name: "o", In: Inner{1, 2}, P: in, S: []int{5}, Any: 7, err: e1, Err: e1, f: nil})
	cf("%+v", Outer{Name: "o", In: Inner{1, 2}, P: nil, S: nil, Any: nil, err: nil, Err: MyErr(4), f: nil})
	cf("%d", Outer{Name: "o", Any: nil})
	cf("%s", Outer{Name: "o", Any: "a", Err: SErr("x"), err: SErr("y")})
	cf("%v", struct{ e MyErr }{MyErr(9)})
	cf("%v %+v", Str{1}, struct{ S Str; s Str }{Str{2}, Str{3}})
	cf("%d", Str{1})
	cf("%v|%+v", lst, lst)

	// pointers
	cf("%v|%+v|%d|%s", &t, &t, &t, &t)
	cf("%v|%+v", in, &Outer{P: in})
	cf("%v|%5v|%-6v|%d|%s|", nilPtr, nilPtr, nilPtr, nilPtr, nilPtr)
	cf("%v", &[]int{1, 2})
	cf("%v|%s|%d", &[]string{"a"}, &[]string{"a"}, &[]byte{1, 2})
	cf("%v", []*Inner{in, nil})
	cf("%t", &t)
	cf("%x|%X|%#v", in, in, in)
	cf("%p|%#p|%p", in, in, nilPtr)
	cf("%p", 5)

	// funcs
	cf("%v|%5v|%T|%d|%t|%x", nilFunc, nilFunc, nilFunc, nilFunc, nilFunc, nilFunc)
	cf("%T", add)
	cf("%s", add)

	// nil interface
	cf("%v|%d|%s|%q|%T|%5v|%-5v|%5d|", nilAny, nilAny, nilAny, nilAny, nilAny, nilAny, nilAny, nilAny)
	cf("%v %d", nilErr, nilErr)

	// error values
	cf("%v|%s|%q|%x|%X|%d|%T", e1, e1, e1, e1, e1, e1, e1)
	cf("%8v|%-8s|%.2s|%08v|", e1, e1, e1, e1)
	cf("%v|%d|%T", e2, e2, e2)
	cf("%+v", e1)
	cf("%v|%d|%s|%x|%T", MyErr(5), MyErr(5), MyErr(5), MyErr(5), MyErr(5))
	cf("%v|%s|%d|%t", SErr("q"), SErr("q"), SErr("q"), SErr("q"))
	cf("%v|%d|%+v", &PErr{7}, &PErr{7}, &PErr{7})
	cf("%t", e1)
	cf("%v|%s|%d", Str{5}, Str{5}, Str{5})
	cf("%w", e1)
	cf("%w", 5)

	// %T
	cf("%T %T %T %T %T %T", 1, int64(1), int32(1), uint8(1), uint(1), uint64(1))
	cf("%T %T %T %T %T %T", "s", true, []int{}, [][]string{}, []byte{}, []any{})
	cf("%T %T %T %T %T", t, &t, Celsius(1), MyErr(1), add)
	cf("%T|%10T|%-10T|%.3T|", 1, 1, 1, "string")
	cf("%T", []*T{})

	// errors in format strings
	cf("%d %d", 1)
	cf("%v")
	cf("%d", 1, 2)
	cf("%d", 1, "a", nil, e1, t)
	cf("%z", 5)
	cf("%z %!", 5)
	cf("%")
	cf("abc%")
	cf("%-")
	cf("%5")
	cf("%.")
	cf("100%%")
	cf("%5%|%-5%|%%%d", 3)
	cf("%é", 1)
	cf("%\xff", 1)
	cf("%[2]d %[1]d", 1, 2)
	cf("%[3]d", 1, 2)
	cf("%[0]d", 1)
	cf("%[x]d", 1)
	cf("%[1]d %d %d", 1, 2)
	cf("%[2]*[1]d", 12, 5)
	cf("%*d|%-*d|%*d", 5, 1, 5, 2, -5, 3)
	cf("%.*d|%.*s", 3, 7, 1, "abc")
	cf("%*d", "x", 9)
	cf("%.*d", "x", 9)
	cf("%.*d", -1, 9)
	cf("%*d", 10000000, 1)
	cf("%*d", Celsius(4), 1)
	cf("%*d", uint8(4), 1)
	cf("%*d", 5)
	cf("%.*d", 5)
	cf("%!d(int=1)")
	cf("%[1]d", 1, 2)
	cf("x", 1)
	cf("%v %v", nil, nil)
	cf("%s", nil, 1)
	cf("%d", 9999999999)
	cf("%3.1d|%-+5d|%+05d|% 05d|%+.3d", 5, 5, 5, 5, 5)
	cf("%-05s|%0-5d|", "a", 1)
	cf("%#v|%#v|%#v|%#v|%#v", 1, uint8(3), "a\n", true, Celsius(2))
	cf("%#v|%#v|%#v", t, &t, []int{1})
	cf("%#v|%#v|%#v|%#v", nilSlice, []byte{1, 2}, [][]byte{{1}}, nilBytes)
	cf("%#v|%#v|%#v", nilPtr, in, []*Inner{in})
	cf("%#v|%#v", e1, MyErr(3))
	cf("%#v|%#v", Str{1}, nilAny)
	cf("%#x|%#o|%x", []int{1, 8}, []int{8}, "")

	// Sprint
	cp(1, 2, 3)
	cp("a", "b", "c")
	cp("a", 1, 2, "b", "c", 3, nil, nil)
	cp(1, "a", 2)
	cp(Name("x"), Name("y"), 1)
	cp(SErr("x"), SErr("y"))
	cp(MyErr(1), MyErr(2))
	cp(e1, e1)
	cp(t, &t, []int{1})
	cp(nilAny)
	cp()
	cp(true, false)
	cp([]byte("hi"), "x")
	cp(nilPtr, nilFunc)

	// Sprintln
	cl(1, "a", true, nil)
	cl()
	cl("a", "b")
	cl(e1, e2, MyErr(1), &PErr{2})
	cl(t, &t, []T{t}, nilSlice, nilBytes)
	cl([]any{nil, e1, "s"})
	cl(lst)
	cl(Celsius(1), Name("n"), Flag(false), U8(7), Str{3})

	// Errorf
	ce("x %d", 1)
	ce("wrap: %w", e1)
	ce("wrap: %w and %w", e1, MyErr(2))
	ce("%w", 5)
	ce("%w", nilErr)
	ce("%v %s", e1, "a")
	ce("%5w|%-6w", e1, e1)

	// more edge cases
	cf("%v|%d|%T", add, add, []func(int) int{add})
	cl(add, nilFunc)
	cf("%v|%s|%x|%q", []any{[]byte("hi")}, []any{[]byte("hi")}, []any{"hi", 10}, []any{"a", 65})
	cf("%v|%+v", struct{ errs []error }{[]error{e1, MyErr(1)}}, struct{ Errs []error }{[]error{e1, nil}})
	cf("%5v|%-5v|", struct{ A any }{nil}, struct{ A any }{1})
	cf("%U|%#o|%#x|%#b|%#X", -1, 0, 0, 0, 0)
	cf("%x|%+d|%+d|% x", int64(-9223372036854775808), uint(3), uint8(0), -255)
	cf("%q|%c|%v|%d|%x", uint8(200), uint8(65), uint8(65), U8(3), []uint8{})
	cf("%.3v|%.1v|%5.2v|%-7.3v|", 5, "hello", []string{"abc", "de"}, "abcdef")
	cf("%*d|%.*d", MyErr(3), 1, Celsius(2), 3)
	cf("%+v|%v", []any{t, &t, nil}, []*List{lst})
	cf("%v|%v", [][]int{nil, {}}, []string{})
	cf("%s|%v", e2, []error{e2})
	cf("%6.2f|%e", 1, 2)
	cf("%+q|%#q|%#+q", "日本\\x", "日本", "\x00")
	cf("%q|%#q", "\u00ad\u0378\U0001F600\U000E0001\U0010FFFF", "\ufeffx")
	cf("%x|%X|%#x|% #x", "\xff\x00A", []byte("\xff\x00A"), "", "ab")
	cf("%3c|%-3c|%c", 0x65e5, 0x65e5, 0xDFFF)
	cf("%05d|%-05d|%+05d|%0+5d|% 5d", -42, -42, 42, 42, 42)
	cf("%010.4d|%-10.4x|%#10.4o", 42, -42, 8)
	cf("%v %v %v", int32(-2147483648), uint8(255), Small(-1))
	cf("%d|%v", []int32{1, -1}, []uint64{18446744073709551615})
	cf("%[1]*[2]d|%[2]d %[1]d", 4, 2)
	cf("%[1]d %[1]d %d", 7, 8)
	cf("%.[2]d", 1, 2)
	cf("%[2]d %[5]d", 1, 2)
	cf("%-+ #0d", 3)
	cf("%5.d|%.d|%5.s|", 0, 0, "ab")
	cf("%v%%%v", 1, 2)
	ce("%d%%", 50)
	ce("no verbs", 1)
	ce("%w|%w", SErr("a"), Str{1})
	cp(nil, 1, "s", nil, "t", 2)
	cp([]string{"a"}, "b", []string{"c"})
	cl(nilAny, nilErr, nilPtr, nilSlice)
}
