package main

func main() {
	s := []int{1}
	defer min(1, 2)
	defer (len("a"))
	defer max(3, 4)
	defer len(s)
	defer cap(s)
	defer new(int)
	defer append(s, 1)
	defer make([]int, 1)
}
