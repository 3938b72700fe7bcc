package main

import (
	"errors"
	"fmt"
)

type Closer interface {
	Close() error
}

type Named interface {
	Closer
	Name() string
}

type file struct{ name string }

func (f *file) Close() error {
	fmt.Println("close", f.name)
	if f.name == "bad" {
		return errors.New("close failed")
	}
	return nil
}

func (f *file) Name() string { return f.name }

type count int

func (c count) Close() error { fmt.Println("count close", int(c)); return nil }

func (c count) String() string { return fmt.Sprintf("count(%d)", int(c)) }

func closeAll(cs []Closer) (err error) {
	for _, c := range cs {
		defer func() {
			if e := c.Close(); e != nil && err == nil {
				err = e
			}
		}()
	}
	return nil
}

func main() {
	var c Closer = &file{"a"}
	fmt.Println(c.Close())
	c = count(3)
	c.Close()
	fmt.Printf("%v %T\n", c, c)
	if n, ok := c.(Named); ok {
		fmt.Println("named", n.Name())
	} else {
		fmt.Println("not named")
	}
	var n Named = &file{"b"}
	c = n
	fmt.Printf("%T %v\n", c, c == n)
	fmt.Println(closeAll([]Closer{&file{"x"}, &file{"bad"}, count(7)}))
	f := c.Close
	f()
	g := Closer.Close
	g(count(9))
	switch v := c.(type) {
	case Named:
		fmt.Println("switch Named", v.Name())
	case Closer:
		fmt.Println("switch Closer")
	}
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var c2 Closer
		defer func() { fmt.Println("inner:", recover()) }()
		_ = c2.(Named)
	}()
	var x any = count(1)
	_ = x.(Named)
}
