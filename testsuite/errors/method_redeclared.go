package main

type T struct{ X int }

func (t T) Get() int { return t.X }

func (t *T) Get() int { return t.X + 1 }

func main() {
	println(T{}.Get())
}
