package main

import (
	"errors"
	"fmt"
	"os"
)

type Kind uint8

const (
	KA Kind = iota + 1
	KB
	_
	KD
)

const (
	big   = 1 << 62
	mask  = big>>60 | 0x0F
	huge  = big * 4 / 8
	shift = 3
)

var (
	a1 = b1 + 1
	b1 = c1 * 2
	c1 = initC()
)

func initC() int { return 5 }

type Inner struct {
	N int
	S string
}

type Outer struct {
	In  Inner
	P   *Inner
	Xs  []int
	E   error
	Any any
	f   func() int
}

func divmod(a, b int) (q, r int) {
	defer func() {
		if e := recover(); e != nil {
			q, r = -1, -1
		}
	}()
	q = a / b
	r = a % b
	return
}

func main() {
	var u8 uint8 = 250
	u8 += 10
	var i32 int32 = 1 << 30
	i32 *= 4
	var u64 uint64 = 1<<64 - 1
	var i64 int64 = -1 << 63
	var u uint = 3
	fmt.Println(u8, i32, u64, i64, u-4, ^u8, -i64)
	fmt.Printf("%d %x %X %v %o %b\n", u64, u64, i32, i64, 8, 5)
	fmt.Printf("%x %x %d %08b %-5d| %+d %5x\n", -255, int8Like(-1), uint8(200), 5, 42, 7, 255)
	n := 70
	fmt.Println(1<<n>>n, uint64(1)<<n, int32(1)<<30, u8>>1, -8>>1, int64(-9)/2, -9%4)
	fmt.Println(KA, KB, KD, mask, huge, shift)
	fmt.Println(a1, b1, c1)
	fmt.Println(divmod(7, 2))
	fmt.Println(divmod(1, 0))
	o := Outer{In: Inner{1, "x"}, P: &Inner{2, "y"}, Xs: []int{1}, E: errors.New("bad"), Any: Inner{3, "z"}}
	fmt.Printf("%v\n%+v\n", o.In, o.In)
	fmt.Printf("%v %+v %T\n", o.P, o.P, o.P)
	fmt.Printf("%v|%s|%q|%d\n", o.Xs, o.E, "q\"s", o.Xs)
	fmt.Printf("%T %T %T %T %T\n", o, o.Xs, o.E, o.Any, o.f)
	var np *Inner
	var ns []int
	var ne error
	var na any
	fmt.Println(np, ns, ne, na, len(ns), ns == nil)
	fmt.Printf("%v %d %s %v %+v\n", np, ns, ne, na, ns)
	fmt.Printf("[%5s][%-5s][%5q][%.2s][%5.1s][%x][% x][%X]\n", "ab", "ab", "a", "abc", "xyz", "hi", "hi", []byte("hi"))
	fmt.Printf("%t %v %5t %q %c %U\n", true, false, true, 'x', 'y', 0x1F600)
	fmt.Printf("%d %!\n", 1)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%z %d\n", 1, 2, 3)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3, true, false), fmt.Sprint(1, 2), fmt.Sprint("a", "b"))
	fmt.Print("x", 1, "\n")
	fmt.Print(1, 2, "\n")
	s := fmt.Sprintln("a", 1)
	fmt.Print(s)
	bs := make([]byte, 3)
	c := copy(bs, "hello")
	fmt.Println(c, bs, string(bs), min("b", "a", "c"), max(3, 9, 1), min(u8, 3))
	xs := []int{1, 2, 3}
	xs = append(xs)
	ys := append(xs[:1], 9)
	fmt.Println(xs, ys, len(xs[1:]), cap(xs[1:2]), xs[1:2:2])
	grid := [][]string{{"a"}, {"b", "c"}}
	grid[0] = append(grid[0], "d")
	fmt.Println(grid, len(grid[1]))
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
	default:
		fmt.Println("small")
	}
	switch {
	}
	var v any = 3
	switch t := v.(type) {
	case string:
		fmt.Println("string", t)
	case int, int64:
		fmt.Println("int-ish", t)
	}
	if e, ok := o.E.(error); ok {
		fmt.Println("err", e)
	}
	println("to stderr", 1, true, "x")
	print("p", 2, "\n")
	defer fmt.Println("deferred")
	if len(xs) > 100 {
		os.Exit(3)
	}
}

func int8Like(x int) int32 { return int32(x) }
