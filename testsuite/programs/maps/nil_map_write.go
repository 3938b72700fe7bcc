package main

import "fmt"

type registry struct {
	byName map[string]int
}

func (r *registry) add(name string) {
	r.byName[name] = len(r.byName)
}

func main() {
	defer fmt.Println("deferred print runs")
	r := &registry{}
	fmt.Println(len(r.byName))
	r.add("first")
	fmt.Println("unreachable")
}
