package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func (n *Node) Get() int { return n.Val }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name, "->", r)
		if e, ok := r.(error); ok {
			fmt.Println("  Error():", e.Error())
		}
	}()
	f()
}

func main() {
	var n *Node
	try("field read", func() { fmt.Println(n.Val) })
	try("field write", func() { n.Val = 1 })
	try("method", func() { fmt.Println(n.Get()) })
	list := &Node{1, &Node{2, nil}}
	try("chain", func() { fmt.Println(list.Next.Next.Val) })
	var p *int
	try("deref int", func() { fmt.Println(*p) })
	try("ok", func() { fmt.Println(list.Next.Val) })
}
