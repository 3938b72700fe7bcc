package main

import "fmt"

// Go's goroutine stacks grow up to 1 GB, so recursion ten million calls deep runs.

func sum(n int) int {
	if n == 0 {
		return 0
	}
	return n + sum(n-1)
}

type Node struct {
	v    int
	next *Node
}

func total(n *Node) int {
	if n == nil {
		return 0
	}
	return n.v + total(n.next)
}

func main() {
	fmt.Println(sum(10000000))
	var head *Node
	for i := 1; i <= 4000000; i++ {
		head = &Node{i % 7, head}
	}
	fmt.Println(total(head))
}
