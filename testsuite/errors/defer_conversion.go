package main

type B byte

func main() {
	x := 3
	defer int(1)
	defer B(x)
	defer string("a")
	defer (int)(x)
	defer len([]int{x})
}
