package main

import "fmt"

type Rec struct{ X int }

func main() {
	defer func() {
		var p *Rec
		fmt.Println("nil deref during panicking")
		fmt.Println(p.X)
	}()
	zero := 0
	fmt.Println(10 / zero)
}
