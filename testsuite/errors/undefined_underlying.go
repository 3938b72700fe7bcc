package main

type T Undefined

func (t T) Len() int { return len(t) }

func main() {
	var t T
	println(t.Len())
}
