package main

import "fmt"

type Closer interface {
	Close() error
}

type node struct {
	name string
	next *node
}

var closed []*node

// The receiver escapes through the method: a call through an interface must not let
// the value it was converted from live on the caller's stack.
func (n *node) Close() error {
	closed = append(closed, n)
	return nil
}

type value struct{ a, b int }

var lastValue Closer

func (v value) Close() error {
	lastValue = v
	return nil
}

func closeIt(c Closer) error { return c.Close() }

func work(i int) {
	n := &node{name: fmt.Sprintf("n%d", i)}
	var c Closer = n
	defer c.Close()
	v := value{i, i * i}
	defer closeIt(v)
	garbage := make([]*node, 0, 8)
	for k := 0; k < 8; k++ {
		garbage = append(garbage, &node{name: "tmp"})
	}
	_ = garbage
}

func main() {
	for i := 0; i < 5; i++ {
		work(i)
	}
	for _, n := range closed {
		fmt.Print(n.name, " ")
	}
	fmt.Println()
	fmt.Printf("%v %T\n", lastValue, lastValue)
}
