package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func main() {
	list := &Node{1, &Node{2, &Node{3, nil}}}
	for n := list; ; n = n.Next {
		fmt.Println("value", n.Val)
	}
}
