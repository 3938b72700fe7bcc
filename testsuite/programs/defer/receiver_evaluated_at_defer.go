package main

import "fmt"

type T struct {
	name string
	n    int
}

func (t T) Value()    { fmt.Println("value receiver:", t.name, t.n) }
func (t *T) Pointer() { fmt.Println("pointer receiver:", t.name, t.n) }

func main() {
	t := T{"a", 1}
	defer t.Value()
	defer t.Pointer()
	f := t.Value
	defer f()
	p := &t
	defer p.Value()
	t.name = "b"
	t.n = 2
	p = &T{"other", 99}
	defer p.Pointer()
	t.n = 3
	fmt.Println("main done")
	q := &T{"q", 0}
	for i := 0; i < 3; i++ {
		q.n = i
		defer q.Value()
	}
	q.n = 100
}
