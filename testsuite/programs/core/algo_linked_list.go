package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	Head *Node
	Len  int
}

func (l *List) PushFront(v int) {
	l.Head = &Node{Val: v, Next: l.Head}
	l.Len++
}

func (l *List) PushBack(v int) {
	n := &Node{Val: v}
	l.Len++
	if l.Head == nil {
		l.Head = n
		return
	}
	cur := l.Head
	for cur.Next != nil {
		cur = cur.Next
	}
	cur.Next = n
}

func (l *List) Reverse() {
	var prev *Node
	cur := l.Head
	for cur != nil {
		next := cur.Next
		cur.Next = prev
		prev = cur
		cur = next
	}
	l.Head = prev
}

func (l *List) Remove(v int) bool {
	pp := &l.Head
	for *pp != nil {
		if (*pp).Val == v {
			*pp = (*pp).Next
			l.Len--
			return true
		}
		pp = &(*pp).Next
	}
	return false
}

func (l List) String() string {
	s := "["
	for n := l.Head; n != nil; n = n.Next {
		if n != l.Head {
			s += " -> "
		}
		s += fmt.Sprint(n.Val)
	}
	return s + "]"
}

func (l *List) Sum() int {
	t := 0
	for n := l.Head; n != nil; n = n.Next {
		t += n.Val
	}
	return t
}

func main() {
	var l List
	fmt.Println(l.String(), l.Len)
	for i := 1; i <= 5; i++ {
		l.PushBack(i * 10)
	}
	l.PushFront(0)
	fmt.Println(l.String(), l.Len, l.Sum())
	l.Reverse()
	fmt.Println(l.String())
	fmt.Println(l.Remove(30), l.Remove(99), l.Remove(50), l.Remove(0))
	fmt.Println(l.String(), l.Len)
	big := &List{}
	for i := range 10000 {
		big.PushFront(i)
	}
	big.Reverse()
	fmt.Println(big.Len, big.Sum(), big.Head.Val, big.Head.Next.Val)
	mid := big.Head
	for range 5000 {
		mid = mid.Next
	}
	fmt.Println(mid.Val)
}
