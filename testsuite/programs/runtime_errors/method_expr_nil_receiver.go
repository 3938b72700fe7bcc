package main

type P struct{ X int }

func (p P) Get() int { return p.X }

func main() {
	var np *P
	println((*P).Get(np))
}
