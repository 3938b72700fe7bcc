package main

import "fmt"

type Inner struct{ v int }

func (i Inner) Name() string { return "inner" }
func (i *Inner) Bump()       { i.v++ }

type Middle struct {
	Inner
	v int
}

func (m Middle) Name() string { return "middle" }

type Leaf struct{ v int }

func (l *Leaf) Bump() { l.v += 10 }

type Outer struct {
	Middle
	*Leaf
}

type Namer interface{ Name() string }

type Closer interface{ Close() error }

type res struct{ name string }

func (r *res) Close() error {
	fmt.Println("closing", r.name)
	if r.name == "" {
		return fmt.Errorf("unnamed")
	}
	return nil
}

// An interface embedded in a struct: its methods are promoted through it.
type tracked struct {
	Closer
	closes int
}

func (t *tracked) Close() error {
	t.closes++
	return t.Closer.Close()
}

func use(c Closer) (err error) {
	defer func() {
		if e := c.Close(); err == nil {
			err = e
		}
	}()
	return nil
}

func main() {
	o := Outer{Middle{Inner{1}, 2}, &Leaf{3}}
	// Depth 1 wins over depth 2: Middle.Name over Middle.Inner.Name; Bump is at
	// depth 1 through *Leaf and at depth 2 through Middle.Inner.
	fmt.Println(o.Middle.v, o.Name(), o.Middle.Inner.v, o.Leaf.v)
	o.Middle.Bump()
	o.Bump()
	fmt.Println(o.Middle.Inner.v, o.Leaf.v, o.Middle.Inner.Name())
	var n Namer = o
	fmt.Println(n.Name())
	t := &tracked{Closer: &res{"r1"}}
	fmt.Println(use(t), t.closes)
	t2 := &tracked{Closer: &res{}}
	fmt.Println(use(t2), t2.closes)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var empty tracked
	defer empty.Close()
	fmt.Println("deferred a call through a nil embedded interface")
}
