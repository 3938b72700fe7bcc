package main

func main() {
	s := []int{1, 2}
	p := (*[2]int)(s)
	println(p[0])
}
