package main

import "fmt"

type Closer interface{ Close() error }

type T struct{ s []int }

func (t T) Close() error { return nil }

type P struct{ n int }

func (p *P) Close() error { fmt.Println("P close", p.n); return nil }

func nilCall() {
	defer func() { fmt.Println("nilCall:", recover()) }()
	var c Closer
	c.Close()
}

func nilDefer() {
	defer func() { fmt.Println("nilDefer:", recover()) }()
	var c Closer
	defer fmt.Println("runs")
	defer c.Close()
	fmt.Println("not reached")
}

func nilValue() {
	defer func() { fmt.Println("nilValue:", recover()) }()
	var c Closer
	f := c.Close
	fmt.Println("not reached", f != nil)
}

func cmp() {
	defer func() { fmt.Println("cmp:", recover()) }()
	var a, b Closer = T{}, T{}
	fmt.Println(a == b)
}

func nilPtr() {
	defer func() { fmt.Println("nilPtr:", recover()) }()
	var p *P
	var c Closer = p
	fmt.Println(c != nil)
	c.Close()
}

type V int

func (v V) Close() error { fmt.Println("V close", int(v)); return nil }

func nilPtrValueMethod() {
	defer func() { fmt.Println("nilPtrValueMethod:", recover()) }()
	var p *V
	var c Closer = p
	c.Close()
}

func main() {
	nilCall()
	nilDefer()
	nilValue()
	cmp()
	nilPtr()
	nilPtrValueMethod()
	var c Closer = &P{1}
	var d Closer = &P{1}
	fmt.Println(c == d, c == c, c != nil)
	var e any = c
	fmt.Println(e == c)
	fmt.Printf("%v %+v %T\n", c, c, c)
	fmt.Println(c)
	var x Closer = V(4)
	defer x.Close()
	x = V(5)
}
