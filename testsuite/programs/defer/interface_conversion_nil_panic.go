package main

import "fmt"

type Box struct{ N int }

func main() {
	var v any = Box{3}
	b := v.(Box)
	fmt.Println("ok", b.N)
	defer fmt.Println("deferred print runs")
	var e any
	fmt.Println(e.(*Box))
}
