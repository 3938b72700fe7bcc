package main

import "fmt"

type Node struct {
	Val  int
	Name string
}

type Counter struct {
	N    int
	Hits []int
}

func bump(c *Counter, by int) {
	c.N += by
	c.Hits = append(c.Hits, by)
}

func newNode(v int) *Node {
	n := Node{Val: v, Name: "n"}
	return &n
}

func main() {
	p := &Node{Val: 1, Name: "one"}
	fmt.Println(p.Val, p.Name, (*p).Val)
	fmt.Println(p)
	fmt.Printf("%v %+v\n", p, p)
	q := p
	q.Val = 42
	fmt.Println(p.Val)
	n := new(Node)
	fmt.Println(n, n.Val == 0, n.Name == "")
	n.Name = "fresh"
	*n = Node{7, "seven"}
	fmt.Println(*n)
	c := Counter{}
	bump(&c, 3)
	bump(&c, 4)
	fmt.Println(c.N, c.Hits)
	cp := &c
	bump(cp, 10)
	fmt.Println(c.N, cp.N, len(c.Hits))
	nodes := []*Node{newNode(1), newNode(2), newNode(3)}
	for _, nd := range nodes {
		nd.Val *= 10
	}
	for _, nd := range nodes {
		fmt.Print(nd.Val, " ")
	}
	fmt.Println()
	x := 5
	px := &x
	ppx := &px
	**ppx = 6
	fmt.Println(x, *px)
	*px++
	fmt.Println(x)
	ip := new(int)
	*ip = 99
	fmt.Println(*ip)
	a := newNode(1)
	b := newNode(1)
	fmt.Println(a == b, a.Val == b.Val, a.Name == b.Name)
	var nilp *Node
	fmt.Println(nilp == nil, nilp)
}
