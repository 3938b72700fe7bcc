package main

type A struct{ x int }
type B struct{ x int }

func (A) M() {}
func (B) M() {}

type C struct {
	A
	B
}

func main() {
	var c C
	_ = c.x
	c.M()
}
