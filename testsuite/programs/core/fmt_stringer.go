package main

import (
	"errors"
	"fmt"
)

type Celsius int

func (c Celsius) String() string { return fmt.Sprintf("%d°C", int(c)) }

type Point struct{ X, Y int }

func (p *Point) String() string {
	if p == nil {
		return "nilpoint"
	}
	return fmt.Sprintf("(%d,%d)", p.X, p.Y)
}

type Name string

func (n Name) String() string { return "Name:" + string(n) }

type Boom struct{ n int }

func (b Boom) String() string {
	if b.n == 0 {
		panic("boom")
	}
	return "ok"
}

type BoomErr struct{ n int }

func (b BoomErr) Error() string {
	panic(errors.New("err boom"))
}

type V struct{ A int }

func (v V) String() string { return fmt.Sprintf("V<%d>", v.A) }

type Both int

func (b Both) String() string { return "string" }
func (b Both) Error() string  { return "error" }

type Wrap struct {
	C Celsius
	c Celsius
	P *Point
}

type Counter struct{ n *int }

func (c Counter) String() string {
	*c.n = *c.n + 1
	return fmt.Sprint("called ", *c.n)
}

var calls int

type Tick int

func (t Tick) String() string {
	calls++
	return "tick"
}

type BadSig int

func (b BadSig) String(x int) string { return "no" }

type IntPanic int

func (i IntPanic) String() string { panic(42) }

func main() {
	c := Celsius(21)
	fmt.Println(c)
	fmt.Printf("%v %s %d %q %x %T|%8v|%-8s|\n", c, c, c, c, c, c, c, c)
	p := &Point{1, 2}
	fmt.Println(p, *p)
	var np *Point
	fmt.Println(np)
	fmt.Printf("%v %+v\n", p, *p)
	fmt.Println(Name("bob"), []Name{"a", "b"})
	fmt.Println([]Celsius{1, 2, 3})
	fmt.Println(Boom{0}, Boom{1})
	fmt.Printf("[%5v] [%d]\n", Boom{0}, Boom{0})
	fmt.Println(BoomErr{})
	fmt.Println(V{3}, &V{4}, []V{{1}, {2}})
	var vp *V
	fmt.Println(vp)
	fmt.Printf("[%6v]\n", vp)
	fmt.Println(Both(1))
	var e error = Both(2)
	fmt.Println(e)
	fmt.Printf("%v %+v\n", Wrap{1, 2, p}, Wrap{3, 4, nil})
	n := 0
	cnt := Counter{&n}
	fmt.Printf("%d %v %T\n", Tick(5), Tick(6), Tick(7))
	fmt.Println(calls, struct{ t Tick }{8}, calls)
	fmt.Println(n)
	fmt.Println(cnt, cnt)
	fmt.Println(n)
	s := fmt.Sprint(c, c, "x", c)
	fmt.Println(s)
	fmt.Println(BadSig(3))
	fmt.Println(IntPanic(1))
	var a any = c
	fmt.Println(a)
	fmt.Printf("%s|%v\n", []any{c, p}, struct{ X Celsius }{5})
	print(c, "\n")
	println(c)
	err := fmt.Errorf("wrapped: %v", c)
	fmt.Println(err)
	fmt.Printf("%x %X %q\n", Name("hi"), Name("hi"), Name("hi"))
}
