package main

import "fmt"

type Base struct{ id int }

func (b Base) String() string { return fmt.Sprint("Base#", b.id) }

func main() {
	s := struct {
		Base
		n int
	}{Base{4}, 5}
	fmt.Println(s)
}
