package main

type P struct{ X int }

func (p P) Get() int { return p.X }

func main() {
	p := P{1}
	p.Set(3)
}
